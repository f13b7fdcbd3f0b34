// Cheap structural features of a request, computed in microseconds from its text. None of them looks at
// benchmark formatting (answer-choice letters, "Answer:"), so they carry over to real traffic.
import type { ChatMessage } from "@switchyard/wire";
import { promptText, userTurns } from "./promptText.ts";

export interface StructuralFeatureSpec {
  name: string;
  /** How to say it when the feature is above its training average. */
  high: string;
  /** How to say it when the feature is below its training average. */
  low: string;
}

export const STRUCTURAL_FEATURES = [
  { name: "length", high: "long prompt", low: "short prompt" },
  { name: "numbers", high: "many numbers to work with", low: "few numbers" },
  { name: "arithmetic", high: "arithmetic in the prompt", low: "little arithmetic" },
  { name: "multiStep", high: "multi-step arithmetic", low: "single-step question" },
  { name: "mathNotation", high: "mathematical notation", low: "no mathematical notation" },
  { name: "code", high: "code", low: "no code" },
  { name: "proof", high: "proof requested", low: "no proof requested" },
  { name: "constraints", high: "several constraints", low: "few constraints" },
  { name: "questions", high: "several questions at once", low: "a single question" },
  { name: "negation", high: "negated or exception question", low: "no negation" },
  { name: "vocabulary", high: "technical vocabulary", low: "plain vocabulary" },
  { name: "conversationDepth", high: "deep conversation", low: "first turn of a conversation" },
  // Word-problem difficulty: GSM8K questions get harder with more sentences, quantities and conversions.
  { name: "sentences", high: "several sentences", low: "one sentence" },
  { name: "quantities", high: "many quantities", low: "few quantities" },
  { name: "rates", high: "rates or percentages", low: "no rates or percentages" },
  { name: "fractions", high: "fractions or ratios", low: "no fractions or ratios" },
  { name: "units", high: "units or money to convert", low: "no units" },
  { name: "bigNumbers", high: "large or decimal numbers", low: "only small whole numbers" },
] as const satisfies readonly StructuralFeatureSpec[];

export type StructuralFeatureName = (typeof STRUCTURAL_FEATURES)[number]["name"];

const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;

const NUMBER = /\d+(?:[.,]\d+)*/g;
const ARITHMETIC =
  /(?<=[\d\s)])[-+*/×÷^=%](?=[\s\d(])|\$\d|\bpercent\b|\bhalf\b|\btwice\b|\bdouble\b|\btriple\b/gi;
const MULTI_STEP =
  /\b(then|after|afterwards|each|every|per|total|remaining|left|rest|more than|less than|fewer|times as|how many|how much|in all|altogether|combined|difference|twice|half|per cent|percent|average)\b/gi;
const MATH_NOTATION =
  /\\(frac|sqrt|sum|int|cdot|leq|geq|pi)|[√∑∫≤≥≠∞πθ]|\b[a-z]\^\d|\b(sin|cos|tan|log|ln|lim|mod)\b|\bf\(x\)|\bd[xy]\/d[xy]\b/gi;
const CODE =
  /```|\b(def|function|return|import|class|const|let|var|public|static|void|int|printf|println|console\.log|SELECT|FROM)\b|[{};]\s*$|=>|==|!=|\+\+/gm;
const PROOF =
  /\b(prove|proof|show that|derive|demonstrate that|justify|formally|rigorous(ly)?|step[- ]by[- ]step|explain why)\b/gi;
const CONSTRAINTS =
  /\b(must|should|at least|at most|exactly|no more than|no fewer than|without|only|ensure|make sure|don't|do not|never|always|unless|required?|limit(ed)?|within)\b/gi;
const NEGATION = /\b(not|except|never|false|incorrect|least likely|none of)\b|\bNOT\b/g;
const WORD = /[A-Za-z]+/g;
const SENTENCE_END = /[.!?](\s|$)/g;
const NUMBER_WORD =
  /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|dozen|half|third|quarter)\b/gi;
const RATE =
  /%|\bpercent|\bper\b|\beach\b|\bevery\b|\ban hour\b|\ba day\b|\ba week\b|\brate\b|\bspeed\b|\binterest\b|\bdiscount\b/gi;
const FRACTION =
  /\b\d+\/\d+\b|\bhalf\b|\bthird\b|\bquarter\b|\bfraction\b|\bratio\b|\btwice\b|\btimes as\b/gi;
const UNIT =
  /\b(minutes?|hours?|days?|weeks?|months?|years?|miles?|km|kilometers?|meters?|feet|inches?|pounds?|ounces?|gallons?|liters?|cups?|dozens?|cents?|dollars?)\b|\$/gi;
const BIG_NUMBER = /\d{3,}|\d+,\d{3}|\d+\.\d+/g;

/** Features of one prompt text plus its conversation depth, in STRUCTURAL_FEATURES order. */
export function structuralFeaturesOfText(text: string, turns = 1): number[] {
  const words = text.match(WORD) ?? [];
  const longWords = words.filter((word) => word.length >= 9).length;
  const values: Record<StructuralFeatureName, number> = {
    length: Math.log1p(text.length),
    numbers: Math.log1p(count(text, NUMBER)),
    arithmetic: Math.log1p(count(text, ARITHMETIC)),
    multiStep: Math.log1p(count(text, MULTI_STEP)),
    mathNotation: Math.log1p(count(text, MATH_NOTATION)),
    code: Math.log1p(count(text, CODE)),
    proof: Math.log1p(count(text, PROOF)),
    constraints: Math.log1p(count(text, CONSTRAINTS)),
    questions: Math.log1p(count(text, /\?/g)),
    negation: Math.log1p(count(text, NEGATION)),
    vocabulary: words.length === 0 ? 0 : longWords / words.length,
    conversationDepth: Math.log(Math.max(1, turns)),
    sentences: Math.log1p(count(text, SENTENCE_END)),
    quantities: Math.log1p(count(text, NUMBER) + count(text, NUMBER_WORD)),
    rates: Math.log1p(count(text, RATE)),
    fractions: Math.log1p(count(text, FRACTION)),
    units: Math.log1p(count(text, UNIT)),
    bigNumbers: Math.log1p(count(text, BIG_NUMBER)),
  };
  return STRUCTURAL_FEATURES.map((feature) => values[feature.name]);
}

/** Structural features of a chat request: its last user message and how many user turns led to it. */
export function structuralFeatures(messages: ChatMessage[]): number[] {
  return structuralFeaturesOfText(promptText(messages), userTurns(messages));
}
