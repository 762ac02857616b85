import type { Plan } from '../../src/lib/model/plan';

const clip = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max)}…` : text);

type Stated = Plan['targets'][number] | Plan['outcomes'][number];

function valueText(t: Stated): string {
  const original =
    t.originalUnit !== t.unit || t.originalValue !== t.value ? ` (${t.originalValue} ${t.originalUnit})` : '';
  const wording = t.wording === null ? '' : ` “${t.wording}”`;
  return `${t.comparator} ${t.value} ${t.unit}${original}${wording}`;
}

/** Scope, and the jurisdiction when it is not the plan's own region. */
function extras(plan: Plan, t: Stated): string {
  const scope = t.scope ? ` scope=${t.scope}` : '';
  const jurisdiction = t.jurisdiction !== plan.region ? ` jurisdiction=${t.jurisdiction}` : '';
  return `${scope}${jurisdiction}`;
}

function sourceLine(source: Stated['sources'][number]): string {
  const origin = source.origin === 'plan' ? '' : ` [${source.origin}]`;
  return `    @${source.clauseId} L${source.line}${origin}: ${clip(source.text, 80)}`;
}

/**
 * A reviewable plain-text rendering of what the parser recognised in one plan: metadata, outline with
 * responsibilities, annex tables, departments and targets. Golden files are this text.
 */
export function renderGolden(plan: Plan): string {
  const out: string[] = [];
  out.push(`# ${plan.title}`);
  out.push(
    `id=${plan.id} region=${plan.region} province=${plan.province} level=${plan.level} issuer=${plan.issuer} issued=${plan.issued} status=${plan.status} parent=${plan.parent}`,
  );
  out.push('', '## Cites');
  for (const doc of plan.cites) out.push(`- 《${doc.title}》 ${doc.number ?? '-'}`);
  out.push('', '## Front');
  for (const block of plan.front) out.push(`- ${block.kind} L${block.line}: ${clip(block.text)}`);
  out.push('', '## Outline');
  for (const clause of plan.clauses) {
    const indent = '  '.repeat(Math.max(0, clause.depth - 1));
    out.push(
      `${indent}${clause.id} [${clause.kind}/${clause.part}] ${clause.citation || '-'} L${clause.line}-${clause.endLine} ¶${clause.paragraphs.length} ${clause.heading ?? ''}`.trimEnd(),
    );
    const r = clause.responsibility;
    if (r) {
      // The machine role, then the role word as the note prints it (牵头, 按职责分工负责, 协助…).
      for (const role of ['lead', 'responsible', 'supporting']) {
        const mentions = r.departments.filter((d) => d.role === role);
        const wordings = [...new Set(mentions.map((d) => d.roleWording ?? '-'))];
        for (const wording of wordings) {
          const names = mentions
            .filter((d) => (d.roleWording ?? '-') === wording)
            .map((d) => `${d.name}→${d.departmentId}`);
          out.push(`${indent}  ${role} 「${wording}」: ${names.join('、')}`);
        }
      }
      if (r.implementers.length > 0) {
        out.push(
          `${indent}  implementers${r.implementersInherited ? ' (inherited)' : ''}: ${r.implementers.join('、')}`,
        );
      }
    }
  }
  out.push('', '## Annexes');
  for (const annex of plan.annexes) {
    out.push(`${annex.id} ${annex.label} ${annex.title ?? ''}`.trimEnd());
    for (const block of annex.blocks) {
      if (block.type === 'paragraph') out.push(`  ¶ ${block.text}`);
      else {
        out.push(`  table ${block.id} header rows ${block.headerRows}`);
        // Each column's header as the (merged) header cells print it over that column.
        out.push(`    columns: ${block.header.columns.map((texts) => `[${texts.join(' ')}]`).join(' ')}`);
        for (const row of block.rows) out.push(`    | ${row.join(' | ')} |`);
      }
    }
  }
  out.push('', '## Departments');
  for (const dept of plan.departments) {
    const aliases = dept.aliases.length > 0 ? ` (aliases: ${dept.aliases.join('、')})` : '';
    out.push(`- ${dept.id} ${dept.name} [${dept.category}]${aliases}`);
  }
  out.push('', '## Targets');
  for (const t of plan.targets) {
    const years = `${t.baselineYear ?? '-'}→${t.targetYear ?? '-'}`;
    out.push(
      `- ${t.id} ${t.indicatorId} "${t.label}" ${valueText(t)} ${t.ambition} ${years}${extras(plan, t)}`,
    );
    for (const source of t.sources) out.push(sourceLine(source));
  }
  if (plan.outcomes.length > 0) {
    out.push('', '## Outcomes');
    for (const o of plan.outcomes) {
      const period = `${o.period ?? '-'}/${o.year ?? '-'}`;
      out.push(
        `- ${o.id} ${o.indicatorId} "${o.label}" ${valueText(o)} ${period} base=${o.baselineYear ?? '-'}${extras(plan, o)}`,
      );
      for (const source of o.sources) out.push(sourceLine(source));
    }
  }
  return `${out.join('\n')}\n`;
}
