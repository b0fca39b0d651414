// Names of real Splunk search commands (Search Reference, plus the common premium/MLTK ones seen in
// security content). A name here without its own parser becomes an `unsupported` command; a name
// that is not here is SPL-UNKNOWN-COMMAND.

export const SPLUNK_COMMANDS: ReadonlySet<string> = new Set([
  'abstract', 'accum', 'addcoltotals', 'addinfo', 'addtotals', 'analyzefields', 'anomalies', 'anomalousvalue', 'anomalydetection',
  'append', 'appendcols', 'appendpipe', 'apply', 'arules', 'associate', 'audit', 'autoregress', 'bin', 'bucket', 'bucketdir',
  'chart', 'cluster', 'cofilter', 'collect', 'concurrency', 'contingency', 'convert', 'correlate', 'ctable', 'datamodel',
  'datamodelsimple', 'dbinspect', 'dbxquery', 'dedup', 'delete', 'delta', 'diff', 'entitymerge', 'erex', 'eval', 'eventcount',
  'eventstats', 'extract', 'fieldformat', 'fields', 'fieldsummary', 'filldown', 'fillnull', 'findtypes', 'fit', 'folderize',
  'foreach', 'format', 'from', 'fromjson', 'gauge', 'gentimes', 'geom', 'geomfilter', 'geostats', 'head', 'highlight', 'history',
  'iconify', 'inputcsv', 'inputintelligence', 'inputlookup', 'iplocation', 'join', 'kmeans', 'kv', 'kvform', 'loadjob', 'localize',
  'localop', 'lookup', 'makecontinuous', 'makemv', 'makeresults', 'map', 'mcatalog', 'mcollect', 'metadata', 'metasearch',
  'meventcollect', 'mpreview', 'msearch', 'mstats', 'multikv', 'multisearch', 'mvcombine', 'mvexpand', 'nomv', 'outlier',
  'outputcsv', 'outputlookup', 'outputtext', 'overlap', 'pivot', 'predict', 'rangemap', 'rare', 'redistribute', 'regex',
  'reltime', 'rename', 'replace', 'require', 'rest', 'return', 'reverse', 'rex', 'rtorder', 'run', 'savedsearch', 'score',
  'script', 'scrub', 'search', 'searchtxn', 'selfjoin', 'sendalert', 'sendemail', 'set', 'setfields', 'sichart', 'sirare',
  'sistats', 'sitimechart', 'sitop', 'sort', 'spath', 'stats', 'strcat', 'streamstats', 'summary', 'table', 'tags', 'tail',
  'timechart', 'timewrap', 'tojson', 'top', 'transaction', 'transpose', 'trendline', 'tscollect', 'tstats', 'typeahead',
  'typelearner', 'typer', 'union', 'uniq', 'untable', 'walklex', 'where', 'x11', 'xmlkv', 'xmlunescape', 'xpath', 'xyseries',
]);
