import type { Rng } from "../core/random";

// Surnames weighted towards Guangxi (韦, 覃, 蒙, 莫 … are common in Liuzhou); repeats act as weights.
const SURNAMES = [..."韦覃黄梁莫陆蒙廖罗李张王刘陈杨周吴何谭潘卢唐邓蓝石韩钟冯曾龙", ..."韦覃黄黄梁莫李陈刘"] as const;
const GIVEN = [..."丽华明伟芳敏静军勇杰婷霞红玲斌涛燕艳峰超宁海波晓春秀兰建新志文宇欣雪琳俊飞强洁莉桂荣平凤英"];

/** A plausible Chinese personal name (surname + one or two characters). */
export function personName(rng: Rng): string {
  const given = rng.chance(0.3) ? rng.pick(GIVEN) : rng.pick(GIVEN) + rng.pick(GIVEN);
  return rng.pick(SURNAMES) + given;
}

/** A Liuzhou landline: seven digits starting with 2, 3 or 8, with the 0772 area code on some rows. */
export function phoneNumber(rng: Rng): string {
  const local = `${rng.pick(["2", "3", "8"])}${String(rng.int(0, 999_999)).padStart(6, "0")}`;
  return rng.chance(0.5) ? `0772-${local}` : local;
}

/** Roads and areas of the district, used to locate construction projects. */
export const PLACES = [
  "五一路",
  "中山中路",
  "文惠路",
  "潭中东路",
  "潭中西路",
  "东环大道",
  "桂中大道",
  "龙城路",
  "屏山大道",
  "学院路",
  "三中路",
  "八一路",
  "曙光东路",
  "弯塘路",
  "红光路",
  "映山街",
  "文笔路",
  "东堤路",
  "环江滨水大道",
  "静兰路",
  "河东片区",
  "中南片区",
  "水南片区",
  "东门片区",
] as const;

/** The district's administrative villages (under 河东 and 静兰 streets), where farm projects are. */
export const VILLAGES = ["文昌村", "环江村", "马鞍村"] as const;
