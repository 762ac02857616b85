/**
 * The data downloads under /data/: file name, media type and a Chinese description for the downloads page, and
 * the three spreadsheet tables in both headings (`/data/<table>.csv`, `/data/zh/<table>.csv`).
 */
import { indicatorsCsv, type CsvLanguage } from '../lib/export';
import { atlas } from './corpus';
import { BASE, SITE } from './url';

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

/**
 * The targets table's CSV: English headers and machine values (`en`) or 中文列名 and values in words (`zh`).
 * It needs the plans' summaries only. The tables of clauses and departments need every plan's text: they are
 * written plan by plan after the pages (src/integrations/data-downloads.ts).
 */
export function indicatorsTableCsv(language: CsvLanguage): string {
  const a = atlas();
  const names = new Map(a.indicators.filter((i) => i.catalogued).map((i) => [i.id, i.name]));
  return indicatorsCsv(a.plans, { site: SITE, base: BASE }, (id) => names.get(id), a.comparisons, language);
}

export function csvResponse(csv: string): Response {
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}

export const DOWNLOADS: Download[] = [
  {
    file: 'plans.json',
    type: 'application/json',
    title: '全部方案（JSON）',
    description:
      '每份方案的元数据、前言与印发通知、完整条款结构、附件表格、责任部门和量化目标，以及每项目标与全国目标、上级目标的对比（严于、持平、弱于，或不可比的原因），格式见 schema.json。',
  },
  {
    file: 'schema.json',
    type: 'application/schema+json',
    title: '数据结构说明（JSON Schema）',
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
