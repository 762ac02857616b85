/** The data downloads under /data/: file name, media type and a Chinese description for the downloads page. */
export interface Download {
  file: string;
  type: string;
  title: string;
  description: string;
}

export const DOWNLOADS: Download[] = [
  {
    file: 'plans.json',
    type: 'application/json',
    title: '全部方案（JSON）',
    description:
      '每份方案的元数据、前言与印发通知、完整条款结构、附件表格、责任部门和量化目标，格式见 schema.json。',
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
    description: '每个条款一行：编号、标题、正文、责任括注，牵头、负责、配合部门，以及条款的永久链接。',
  },
  {
    file: 'indicators.csv',
    type: 'text/csv',
    title: '量化目标表（CSV）',
    description:
      '每个量化目标一行：指标、数值与单位（统一换算后与原文）、比较方式、约束性、基准年、目标年、范围、原文出处和链接。',
  },
  {
    file: 'departments.csv',
    type: 'text/csv',
    title: '责任部门表（CSV）',
    description: '每个部门一行：名称及其他写法、职能类别、牵头、负责和配合的条款数，以及部门页面链接。',
  },
];
