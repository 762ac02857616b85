/**
 * A division's name in two parts: the proper name and the administrative suffix (黔江 + 区, 湘西 + 土家族苗族自治州,
 * 内蒙古 + 自治区). Plans and 文号 often print the proper name alone (贵州, 全省), and slugs spell the parts apart.
 */

// Ethnic autonomous units: 凉山彝族自治州, 湘西土家族苗族自治州, 宁夏回族自治区, 内蒙古自治区.
const AUTONOMOUS = /^(.{2,}?)((?:[^族]{1,3}族)*自治(?:区|州|县|旗))$/;
const GENERIC = /^(.+?)(特别行政区|林区|特区|地区|新区|省|市|区|县|旗|盟)$/;

export interface NameParts {
  proper: string;
  suffix: string;
}

export function splitName(name: string): NameParts {
  const autonomous = AUTONOMOUS.exec(name);
  if (autonomous) return { proper: autonomous[1] as string, suffix: autonomous[2] as string };
  const generic = GENERIC.exec(name);
  // A one-character proper name keeps its suffix: 城区 and 郊区 are names, not 城 + 区.
  if (generic && (generic[1] as string).length >= 2)
    return { proper: generic[1] as string, suffix: generic[2] as string };
  return { proper: name, suffix: '' };
}

/** The proper name alone: 贵州省 → 贵州, 黔江区 → 黔江, 城区 → 城区. */
export function properName(name: string): string {
  return splitName(name).proper;
}
