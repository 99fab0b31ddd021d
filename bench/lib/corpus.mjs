// The benchmark corpus: hand-written articles in bench/articles/ plus news
// articles generated from the templates below (all text here is our own).
//
// The generator is deterministic (seeded PRNG), so every run and every engine
// sees exactly the same texts.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  ['Amina', 'f'], ['Omar', 'm'], ['Lucía', 'f'], ['Tobias', 'm'], ['Mei', 'f'], ['Kwabena', 'm'],
  ['Ingrid', 'f'], ['Rafael', 'm'], ['Fatima', 'f'], ['Dmitri', 'm'], ['Siobhan', 'f'], ['Hamid', 'm'],
  ['Noor', 'f'], ['Pieter', 'm'], ['Adaeze', 'f'], ['Hiroshi', 'm'], ['Chiara', 'f'], ['Samuel', 'm'],
  ['Leyla', 'f'], ['Mateus', 'm'], ['Zanele', 'f'], ['Anders', 'm'], ['Rania', 'f'], ['Jun', 'm'],
];
const LAST = [
  'Haddad', 'Okoro', 'Fernández', 'Lindqvist', 'Zhang', 'Mensah', 'Novak', 'al-Jaberi', 'Castillo',
  'Petrov', "O'Brien", 'Nakamura', 'Rossi', 'Adeyemi', 'Van der Berg', 'Kaya', 'Dlamini', 'Moreau',
  'Sandoval', 'Abdullah', 'Kowalski', 'Oyelowo', 'Brennan', 'Saleh', 'Tanaka', 'Gallagher',
];
const ROLES = [
  ['Foreign Minister', 'gov'], ['Finance Minister', 'gov'], ['spokesperson for the Interior Ministry', 'gov'],
  ['deputy mayor', 'gov'], ['a lawmaker from the governing party', 'pol'], ['an opposition lawmaker', 'pol'],
  ['chief executive of {company}', 'biz'], ['head of the {union}', 'civ'], ['a professor of economics at {university}', 'exp'],
  ['police commissioner', 'gov'], ['director of {ngo}', 'civ'], ['a senior analyst at {thinktank}', 'exp'],
  ['chairman of the {committee}', 'pol'], ['a farmer from {town}', 'cit'], ['a shop owner in {town}', 'cit'],
  ['the general secretary of the {party}', 'pol'], ['an adviser to the prime minister', 'gov'],
];
const COMPANY = ['Northwind Shipping', 'Carrow Steel', 'Helix Energy', 'Bluefield Telecom', 'Ostra Foods', 'Meridian Rail'];
const UNION = ['Dockworkers’ Union', 'National Teachers Federation', 'Transport Workers Union', 'Nurses Association'];
const UNIVERSITY = ['the University of Carrow', 'Halden University', 'the Institute of Public Policy', 'Brannock College'];
const NGO = ['the Clean Rivers Trust', 'Open Hands', 'the Tenants’ Alliance', 'the Press Freedom Network'];
const THINKTANK = ['the Meridian Centre', 'the Baltic Policy Forum', 'the Gulf Research Institute'];
const COMMITTEE = ['budget committee', 'defence committee', 'health committee', 'energy committee'];
const PARTY = ['Liberal Union', 'People’s Front', 'Green Alliance', 'National Renewal Party'];
const TOWN = ['Tenhill', 'Velmore', 'Kalu', 'Sarnia', 'Aranmore', 'Ostrava Nova', 'Dunmarch', 'Al-Qasr'];
const COUNTRY = ['Kestrel', 'Dunmarch', 'the United States', 'Turkey', 'Iran', 'the European Union', 'China', 'Saudi Arabia', 'Egypt'];
const OUTLET = ['reporters', 'the Daily Courier', 'state television', 'a local radio station', 'this newspaper', 'Reuters'];
const DAY = ['on Monday', 'on Tuesday', 'on Wednesday', 'on Thursday', 'on Friday', 'at the weekend', 'late on Sunday', 'earlier this week'];
const TOPIC = [
  ['the port expansion', 'expand the port'], ['the new election law', 'pass the election law'],
  ['the water-sharing deal', 'sign the water-sharing deal'], ['the fuel subsidy cuts', 'cut fuel subsidies'],
  ['the border crossing', 'reopen the border crossing'], ['the rail strike', 'end the rail strike'],
  ['the vaccination campaign', 'extend the vaccination campaign'], ['the housing reform', 'freeze rents'],
  ['the mining licence', 'revoke the mining licence'], ['the ceasefire talks', 'return to the ceasefire talks'],
];
const CLAUSE = [
  'the government had no intention of changing course',
  'talks would resume after the holiday',
  'the figures published last month were wrong',
  'dozens of families had already left the area',
  'the budget for the project had doubled since 2021',
  'nobody had been consulted before the decision',
  'an agreement could be reached within weeks',
  'the security situation had improved in recent days',
  'the company would appeal against the ruling',
  'prices would keep rising until the winter',
  'several officials had resigned in protest',
  'the plan was illegal under the constitution',
];
const QUOTE = [
  'We will not accept a deal that leaves our people worse off',
  'This is a turning point, and everyone in this room knows it',
  'Nobody has explained to us where the money went',
  'We have been patient for three years, and patience has limits',
  'The numbers speak for themselves',
  'I have never seen anything like it in 20 years of work',
  'If they want a fight, they will get one, but we would rather talk',
  'It is too early to say who is responsible',
  'Our door is open, it has always been open',
  'This decision was taken in a hurry and it shows',
  'People are frightened, and they have every right to be',
  'We are asking for fairness, not favours',
  'There is no plan B, and that should worry everyone',
  'The law is clear and we will follow it',
];
const ANON = [
  ['a senior official', 'he was not authorised to speak to the media'],
  ['a diplomat familiar with the negotiations', 'the talks are confidential'],
  ['a government source', 'of the sensitivity of the matter'],
  ['two people close to the company', 'they feared retaliation'],
  ['a security official', 'he was not allowed to brief journalists'],
  ['an aide to the minister', 'the discussions were private'],
];
const SAY = ['said', 'told {outlet}', 'added', 'insisted', 'warned', 'explained', 'noted', 'argued'];
const PRESS = ['urged', 'pressed', 'called on', 'pushed', 'leaned on', 'asked'];
const FILLER = [
  'The dispute has dragged on for months and has divided the coalition.',
  'Prices for basic goods rose by 14 per cent last year, according to official figures.',
  'The region has a population of about 1.2 million people.',
  'Protests were held in at least four cities over the weekend.',
  'The measure is due to be debated in parliament next month.',
  'Shares in the company fell by 3.5 per cent in early trading.',
  'The last comparable agreement was signed in 2009 and collapsed two years later.',
  'Officials did not say when a final decision would be made.',
];

function pick(r, list) {
  return list[Math.floor(r() * list.length)];
}

function fill(r, s) {
  return s
    .replace('{company}', pick(r, COMPANY))
    .replace('{union}', pick(r, UNION))
    .replace('{university}', pick(r, UNIVERSITY))
    .replace('{ngo}', pick(r, NGO))
    .replace('{thinktank}', pick(r, THINKTANK))
    .replace('{committee}', pick(r, COMMITTEE))
    .replace('{party}', pick(r, PARTY))
    .replace('{town}', pick(r, TOWN))
    .replace('{outlet}', pick(r, OUTLET));
}

function person(r) {
  const [first, g] = pick(r, FIRST);
  const last = pick(r, LAST);
  const role = fill(r, pick(r, ROLES)[0]);
  const title = r() < 0.2 ? (g === 'f' ? 'Ms. ' : 'Mr. ') : r() < 0.1 ? 'Dr. ' : '';
  return { full: `${first} ${last}`, last, role, he: g === 'f' ? 'she' : 'he', He: g === 'f' ? 'She' : 'He', title, seen: false };
}

/** How a person is named: full name and role on first mention, surname after. */
function mention(p) {
  if (p.seen) return p.last;
  p.seen = true;
  return `${p.title}${p.full}, ${p.role},`;
}

/** Two different entries of `list`. */
function pickTwo(r, list) {
  const a = pick(r, list);
  let b = pick(r, list);
  while (b === a) b = pick(r, list);
  return [a, b];
}

/** Quote marks in use for one article: curly or straight. */
function marks(r) {
  return r() < 0.6 ? ['“', '”', '’'] : ['"', '"', "'"];
}

function paragraph(r, people, topic, [o, c]) {
  const p = pick(r, people);
  const q = pick(r, QUOTE);
  const q2 = pick(r, QUOTE);
  const say = fill(r, pick(r, SAY));
  const clause = pick(r, CLAUSE);
  const anon = pick(r, ANON);
  const [actor, target] = pickTwo(r, COUNTRY);
  const intro = !p.seen;
  const who = () => mention(p);
  const whoEnd = () => mention(p).replace(/,$/, '');
  const Actor = actor.charAt(0).toUpperCase() + actor.slice(1);
  const kinds = [
    () => `${o}${q},${c} said ${whoEnd()}. ${o}${q2}.${c}`,
    () => `${who()} ${say} ${pick(r, DAY)} that ${clause}.`,
    () => `${o}${q},${c} ${who()} ${say}. ${p.He} ${pick(r, ['added', 'said'])} that ${pick(r, CLAUSE)}.`,
    () => `According to ${whoEnd()}, ${clause}. ${pick(r, FILLER)}`,
    () => `${anon[0][0].toUpperCase()}${anon[0].slice(1)}, who spoke on condition of anonymity because ${anon[1]}, said ${clause}.`,
    () => `${Actor} has ${pick(r, PRESS)} ${target} to ${topic[1]}, ${who()} said, adding that ${pick(r, CLAUSE)}.`,
    () => `The decision on ${topic[0]} came under pressure from ${actor}, ${anon[0]} told ${pick(r, OUTLET)}.`,
    () => `In a statement, ${fill(r, '{ngo}')} said ${clause} and ${pick(r, PRESS)} the authorities to ${topic[1]}.`,
    () => `${who()} said: ${o}${q}. ${q2}.${c}`,
    () => `${who()} denied that ${clause}, calling the reports ${o}${pick(r, ['baseless', 'a distraction', 'deeply misleading'])}.${c}`,
    () => `${pick(r, FILLER)} ${pick(r, FILLER)}`,
    () => intro
      ? `${who()} said ${pick(r, DAY)} that ${clause}.`
      : `${o}${q},${c} ${p.he} said ${pick(r, DAY)}, ${o}${q2.charAt(0).toLowerCase()}${q2.slice(1)}.${c}`,
  ];
  return pick(r, kinds)();
}

/** One generated article (headline + 8–18 paragraphs). */
export function article(r) {
  const topic = pick(r, TOPIC);
  const people = Array.from({ length: 2 + Math.floor(r() * 4) }, () => person(r));
  const m = marks(r);
  const [a, b] = pickTwo(r, COUNTRY);
  const lead = `${a} and ${b} clash over ${topic[0]}`;
  const paras = [
    lead.charAt(0).toUpperCase() + lead.slice(1),
    `${pick(r, TOWN).toUpperCase()} — Officials ${pick(r, DAY)} traded accusations over ${topic[0]}, as ${mention(people[0])} said ${pick(r, CLAUSE)}.`,
  ];
  const n = 8 + Math.floor(r() * 11);
  for (let i = 0; i < n; i++) paras.push(paragraph(r, people, topic, m));
  return paras.join('\n\n') + '\n';
}

/** The hand-written articles shipped in bench/articles/. */
export function handWritten(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

/** The news corpus: hand-written articles then generated ones, about `targetBytes` of UTF-8 in all. */
export function newsCorpus(articlesDir, targetBytes = 300_000, seed = 20261124) {
  const r = rng(seed);
  const texts = handWritten(articlesDir);
  let bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  while (bytes < targetBytes) {
    const t = article(r);
    texts.push(t);
    bytes += Buffer.byteLength(t);
  }
  return texts;
}

/** Texts of the gold sets under `evalDir` (read at run time, never copied into the repository). */
export function goldTexts(evalDir, files = ['seed.jsonl', 'polnear-dev.jsonl', 'mcae-dev.jsonl']) {
  const out = [];
  for (const f of files) {
    let raw;
    try {
      raw = readFileSync(join(evalDir, f), 'utf8');
    } catch {
      continue;
    }
    for (const line of raw.split('\n')) {
      if (!line.trim()) continue;
      try {
        const rec = JSON.parse(line);
        if (typeof rec.text === 'string' && rec.text.length) out.push(rec.text);
      } catch {
        // a malformed line is skipped, not fatal
      }
    }
  }
  return out;
}
