// Sigma import: load Sigma v2 documents, lower them to the logical plan, run them or print them as SPL.
// See docs/sigma.md for what is supported and the named errors for what is not.

export { loadSigmaFile, loadSigmaPath, parseSigmaText, type LoadedSigma } from './load.ts';
export { lowerSigma, type SigmaQuery, type LowerOptions } from './lower.ts';
export { runSigma, startSigma, type SigmaRun } from './run.ts';
export { parseCondition } from './condition.ts';
export { loadSigmaSet, sigmaSetSummary, formatRefusal, type SigmaSet } from './rule-set.ts';
