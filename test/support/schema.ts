/**
 * The Analysis contract checker lives in src/fuzz/contract.ts, where the fuzz harness uses it on every result;
 * the tests use the same one, so a rule added there holds for both.
 */
export { nonFiniteNumbers, validateAnalysis, validateReadItems } from "../../src/fuzz/contract.js";
