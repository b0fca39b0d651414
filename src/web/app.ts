// The server's state, built once at start: the database, the loaded rules (for the catalog and, classified
// streaming/windowed, for the rule processor), ATT&CK data, analyses and the lazily computed translations
// and live test results.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openDb, type Db } from './store/db.ts';
import { formatRefusal, loadSigmaSet, loadRulesEach, planRule, sigmaRuleView, sigmaSetSummary, testRules, translateRule, type EngineRule, type RuleTestResult, type SigmaSet, type TranslationView } from './engine.ts';
import { toRuleView, type RuleView } from './catalog/rule-view.ts';
import { loadAttack, type AttackData } from './catalog/attack.ts';
import { RuleProcessor, type ProcessorRule } from './realtime/processor.ts';
import { ruleMode } from './realtime/rule-mode.ts';
import { WebhookDelivery } from './realtime/webhook.ts';
import { AnalysisStore } from './analysis/analysis.ts';
import { SightlineError } from '../index.ts';

export interface AppOptions {
  readonly dataDir: string;
  readonly rulesDir: string;
  /** Sigma rules (a file or folder) evaluated in real time beside the SPL rules; refused ones are logged. */
  readonly sigmaPath?: string | null;
  /** With sigmaPath: any refused Sigma rule stops the start (createApp throws). */
  readonly strictSigma?: boolean;
  readonly demoDir: string | null;
  /** Scenario library for the live `sightline test` results on rule pages (null: not shown). */
  readonly scenariosDir: string | null;
  readonly hecToken: string;
  readonly maxHecBytes: number;
  readonly maxUploadBytes: number;
  readonly webhookUrl: string | null;
  /** Whether the UI may read files by path (only when the server listens on loopback). */
  readonly allowPaths: boolean;
  readonly batchSize?: number;
  readonly graceSeconds?: number;
  readonly idleSeconds?: number;
  readonly log: (line: string) => void;
}

export interface App {
  readonly opts: AppOptions;
  readonly db: Db;
  readonly rules: readonly EngineRule[];
  readonly views: readonly RuleView[];
  /** Why no rule could be loaded (the processor then does not run), or which rule files were skipped. */
  readonly rulesError: string | null;
  /** The Sigma set's summary line (`Sigma: N loaded, M refused: …`) and refusals, when sigmaPath was given. */
  readonly sigma: { readonly summary: string; readonly set: SigmaSet } | null;
  readonly realtimeRules: readonly ProcessorRule[];
  readonly processor: RuleProcessor | null;
  readonly webhook: WebhookDelivery | null;
  readonly attack: AttackData;
  readonly analyses: AnalysisStore;
  readonly uploads: Map<string, string>;
  translations(rule: EngineRule): Promise<TranslationView[]>;
  testResult(ruleId: string): Promise<RuleTestResult | null | 'unavailable'>;
  close(): Promise<void>;
}

function message(err: unknown): string {
  if (err instanceof SightlineError) return `${err.diagnostic.code}: ${err.diagnostic.message}`;
  return err instanceof Error ? err.message : String(err);
}

/** Loads the Sigma set, logging each refusal and the summary; throws when the path is unreadable or strict refuses. */
function loadSigma(opts: AppOptions): { summary: string; set: SigmaSet } {
  let set: SigmaSet;
  try {
    set = loadSigmaSet(opts.sigmaPath!);
  } catch (err) {
    throw new Error(message(err), { cause: err });
  }
  for (const d of [...set.refused, ...set.warnings]) opts.log(`sigma ${formatRefusal(d)}`);
  const summary = sigmaSetSummary(set);
  opts.log(summary);
  if (opts.strictSigma && set.refused.length > 0) throw new Error(`${summary}; --strict: not started`);
  return { summary, set };
}

export async function createApp(opts: AppOptions): Promise<App> {
  const db = openDb(opts.dataDir);
  let rules: EngineRule[] = [];
  let rulesError: string | null = null;
  // Files that fail load alone, each logged with its name; the rest run. Only when none loads is nothing
  // analysed (events then wait in the journal for a start with rules: fail closed).
  let skipped: string[] = [];
  try {
    if (!existsSync(opts.rulesDir)) rulesError = `rules directory not found: ${opts.rulesDir}`;
    else {
      const loaded = await loadRulesEach(opts.rulesDir);
      rules = loaded.rules;
      skipped = loaded.failed.map((d) => `${d.file ?? opts.rulesDir}: ${d.code}: ${d.message}`);
      for (const s of skipped) opts.log(`rule file not loaded: ${s}`);
      if (rules.length === 0 && skipped.length > 0) rulesError = `no rule file could be loaded (${skipped.length} failed)`;
    }
  } catch (err) {
    rulesError = message(err);
  }
  if (rulesError) opts.log(`rules not loaded: ${rulesError}`);
  const realtimeRules: ProcessorRule[] = [];
  for (const rule of rules) {
    try {
      const plan = planRule(rule);
      const sourcetypes = rule.sourcetypes.length > 0 ? [...rule.sourcetypes] : null;
      realtimeRules.push({ rule, mode: ruleMode(rule as unknown as Record<string, unknown>, plan), sourcetypes });
    } catch (err) {
      opts.log(`rule ${rule.id} is not evaluated in real time: ${message(err)}`);
    }
  }
  const sigma = opts.sigmaPath ? loadSigma(opts) : null;
  for (const q of sigma?.set.queries ?? []) {
    realtimeRules.push({ rule: sigmaRuleView(q), sigma: q, mode: ruleMode({}, q.plan), sourcetypes: [...q.sourcetypes] });
  }
  // Without rules nothing may consume the journal: events wait, unanalysed, for a start with rules.
  const processor =
    rulesError === null && realtimeRules.length > 0
      ? new RuleProcessor(db, realtimeRules, {
          batchSize: opts.batchSize,
          graceSeconds: opts.graceSeconds,
          idleSeconds: opts.idleSeconds,
          webhook: opts.webhookUrl !== null,
          log: opts.log,
        })
      : null;
  const webhook = opts.webhookUrl ? new WebhookDelivery(db, { url: opts.webhookUrl, log: opts.log }) : null;
  const translationCache = new Map<string, Promise<TranslationView[]>>();
  let tests: Promise<Map<string, RuleTestResult> | null> | null = null;
  const startTests = () =>
    (tests ??= opts.scenariosDir && existsSync(opts.scenariosDir)
      ? testRules(rules, opts.scenariosDir).catch((err) => {
          opts.log(`live rule tests failed: ${message(err)}`);
          return null;
        })
      : Promise.resolve(null));
  const app: App = {
    opts,
    db,
    rules,
    views: rules.map(toRuleView),
    rulesError: rulesError ?? (skipped.length > 0 ? `${skipped.length} rule file(s) not loaded: ${skipped.join('; ')}` : null),
    sigma,
    realtimeRules,
    processor,
    webhook,
    attack: loadAttack(),
    analyses: new AnalysisStore(join(opts.dataDir, 'uploads')),
    uploads: new Map(),
    translations(rule) {
      let p = translationCache.get(rule.id);
      if (!p) {
        p = translateRule(rule).catch((err) => [{ target: 'sigma', text: null, error: message(err) }]);
        translationCache.set(rule.id, p);
      }
      return p;
    },
    async testResult(ruleId) {
      const map = await startTests();
      if (map === null) return 'unavailable';
      return map.get(ruleId) ?? null;
    },
    async close() {
      webhook?.stop();
      await processor?.stop();
      db.close();
    },
  };
  // Events journaled before a restart are analysed now.
  void processor?.wake();
  // Run the scenario tests in the background once the server is up, so rule pages rarely wait for them.
  setTimeout(() => void startTests(), 2000).unref();
  return app;
}
