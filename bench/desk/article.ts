// The benchmark's article: a ~10,000-word Bengali translation of ~220 paragraphs with an English
// source of the same length, made deterministically from a few sentences and varied numbers.

const BN_SENTENCES = [
  'উত্তরাঞ্চলের জেলাগুলোতে বন্যার পানি বাড়তে থাকায় কৃষকেরা ত্রাণের অপেক্ষায় রয়েছেন।',
  'মন্ত্রী সোমবার সংবাদ সম্মেলনে বলেন, ক্ষতিগ্রস্ত পরিবারগুলোর জন্য জরুরি সহায়তা পাঠানো হচ্ছে।',
  'স্থানীয় কর্মকর্তারা নিশ্চিত করেছেন যে সন্ধ্যার মধ্যে প্রধান সড়কগুলো আবার খুলে দেওয়া হবে।',
  'বিদ্যালয়গুলো আপাতত বন্ধ থাকবে এবং শিক্ষার্থীদের নিরাপদ আশ্রয়কেন্দ্রে সরিয়ে নেওয়া হয়েছে।',
  'আবহাওয়া অধিদপ্তর জানিয়েছে, আগামী কয়েক দিন ভারী বৃষ্টিপাতের সম্ভাবনা রয়েছে।',
  'স্বেচ্ছাসেবী সংগঠনগুলো নৌকায় করে দুর্গম গ্রামে খাবার ও বিশুদ্ধ পানি পৌঁছে দিচ্ছে।',
  'বিশেষজ্ঞদের মতে, নদীর তীর সংরক্ষণে দীর্ঘমেয়াদি পরিকল্পনা ছাড়া এই সংকট কাটবে না।',
  'হাসপাতালগুলোতে পানিবাহিত রোগের প্রাদুর্ভাব ঠেকাতে অতিরিক্ত চিকিৎসক নিয়োগ দেওয়া হয়েছে।',
];

const EN_SENTENCES = [
  'Farmers in the northern districts are waiting for relief as flood water keeps rising.',
  'The minister told a press conference on Monday that emergency aid is being sent to affected families.',
  'Local officials confirmed that the main roads would reopen by the evening.',
  'Schools will stay closed for now and pupils have been moved to safe shelters.',
  'The weather office said heavy rain is likely over the next few days.',
  'Volunteer groups are taking food and clean water by boat to remote villages.',
  'Experts say the crisis will not end without a long-term plan to protect the river banks.',
  'Hospitals have taken on extra doctors to prevent outbreaks of waterborne disease.',
];

const BN_DIGITS = '০১২৩৪৫৬৭৮৯';
const bnNumber = (n: number) => String(n).replace(/\d/g, (d) => BN_DIGITS[Number(d)]);

export interface Article {
  title: string;
  source: string;
  target: string;
  /** Paragraphs (segments) of the translation, headline first. */
  paragraphs: string[];
  words: number;
}

export function benchArticle(targetWords = 10_000): Article {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  const bn = ['উত্তরের বন্যা: যা জানা গেছে'];
  const en = ['Floods across the north: what we know'];
  let words = bn[0].split(/\s+/).length;
  for (let i = 1; words < targetWords; i++) {
    const count = 1000 + (next() % 90_000);
    const start = next() % BN_SENTENCES.length;
    const pick = <T>(list: T[], k: number) => list[(start + k) % list.length];
    const bnParagraph = [
      `প্রতিবেদন ${bnNumber(i)}: গত চব্বিশ ঘণ্টায় প্রায় ${bnNumber(count)} জন মানুষ ক্ষতিগ্রস্ত হয়েছেন বলে জানা গেছে।`,
      pick(BN_SENTENCES, 0),
      pick(BN_SENTENCES, 1),
      pick(BN_SENTENCES, 3),
    ].join(' ');
    const enParagraph = [`Report ${i}: about ${count} people are said to have been affected in the last 24 hours.`, pick(EN_SENTENCES, 0), pick(EN_SENTENCES, 1), pick(EN_SENTENCES, 3)].join(' ');
    bn.push(bnParagraph);
    en.push(enParagraph);
    words += bnParagraph.split(/\s+/).length;
  }
  return { title: 'Floods across the north', source: en.join('\n\n'), target: bn.join('\n\n'), paragraphs: bn, words };
}
