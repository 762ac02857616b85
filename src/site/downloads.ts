/**
 * The data downloads under /data/: file name, media type and a Chinese description for the downloads page, and
 * the three spreadsheet tables in both headings (`/data/<table>.csv`, `/data/zh/<table>.csv`), whole and per
 * plan. The files themselves are written after the pages (src/integrations/data-downloads.ts).
 */
import { planLabel } from '../lib/model/label';
import type { PlanSummary } from '../lib/model/plan';
import { paths } from '../lib/urls';

export interface Download {
  file: string;
  type: string;
  title: string;
  description: string;
  /** The same table with Chinese headers and values in words, and the file name a browser saves it under. */
  zh?: { file: string; saveAs: string };
}

/** The tables offered as CSV, each in an English-headed and a Chinese-headed variant. */
export const TABLES = ['clauses', 'indicators', 'departments'] as const;
export type TableName = (typeof TABLES)[number];

export function csvResponse(csv: string): Response {
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}

export const DOWNLOADS: Download[] = [
  {
    file: 'plans.json',
    type: 'application/json',
    title: '方案索引（JSON）',
    description:
      '全部方案的清单，不含正文（方案增多后，全部方案的完整数据合在一个文件里过大，现改为每份方案一个文件，见下文“单份方案的数据”）：每份方案的标题、地区及其行政区划、层级、发文机关、文号、印发日期、文件状态（征求意见稿或正式文件）、上级方案、条款数、部门数和量化目标数，以及方案页面和该方案完整数据文件的地址。格式见 plans.schema.json。',
  },
  {
    file: 'schema.json',
    type: 'application/schema+json',
    title: '单份方案数据结构说明（JSON Schema）',
    description:
      '单份方案数据文件 plans/<方案标识>.json 的 JSON Schema（draft 2020-12），由数据模型自动生成。',
  },
  {
    file: 'plans.schema.json',
    type: 'application/schema+json',
    title: '方案索引数据结构说明（JSON Schema）',
    description: 'plans.json 的 JSON Schema（draft 2020-12），由数据模型自动生成。',
  },
  {
    file: 'clauses.csv',
    type: 'text/csv',
    title: '条款表（CSV）',
    description:
      '每个条款一行：所属方案（名称、地区、文件状态），编号、标题、正文、责任分工原文，牵头、负责及其他参与部门（另列原文职责用语），以及条款的永久链接。',
    zh: { file: 'zh/clauses.csv', saveAs: '节能减排方案图谱-条款表.csv' },
  },
  {
    file: 'indicators.csv',
    type: 'text/csv',
    title: '量化目标表（CSV）',
    description:
      '每个量化目标一行：所属方案（名称、地区、文件状态），指标、数值与单位（统一换算后与原文）、比较方式、约束性、基准年、目标年、范围、原文出处和链接。',
    zh: { file: 'zh/indicators.csv', saveAs: '节能减排方案图谱-量化目标表.csv' },
  },
  {
    file: 'departments.csv',
    type: 'text/csv',
    title: '责任部门表（CSV）',
    description:
      '每个部门一行：所属方案（名称、地区、文件状态），名称及其他写法、职能类别、牵头、负责和其他参与的条款数，以及部门页面链接。',
    zh: { file: 'zh/departments.csv', saveAs: '节能减排方案图谱-责任部门表.csv' },
  },
];

/** The per-plan downloads as the downloads page and a plan page name them: the plan's whole data, then its tables. */
export const PLAN_TABLE_NAMES: Record<TableName, string> = {
  clauses: '条款表',
  indicators: '量化目标表',
  departments: '责任部门表',
};

export interface PlanDownloads {
  /** `/data/plans/<plan>.json`, root-relative. */
  json: string;
  tables: {
    table: TableName;
    name: string;
    csv: string;
    zhCsv: string;
    /** The Chinese-headed file's name when saved: 节能减排方案图谱-黔江区-条款表.csv. */
    zhSaveAs: string;
  }[];
}

/** One plan's own downloads: its whole data and its rows of each table, in both headings. */
export function planDownloads(plan: PlanSummary): PlanDownloads {
  // A draft's file says so in its name, as its rows do (文件状态).
  const label = `${planLabel(plan)}${plan.status === 'draft' ? '（征求意见稿）' : ''}`;
  return {
    json: paths.planData(plan.id),
    tables: TABLES.map((table) => ({
      table,
      name: PLAN_TABLE_NAMES[table],
      csv: paths.planTable(plan.id, table, 'en'),
      zhCsv: paths.planTable(plan.id, table, 'zh'),
      zhSaveAs: `节能减排方案图谱-${label}-${PLAN_TABLE_NAMES[table]}.csv`,
    })),
  };
}
