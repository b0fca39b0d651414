// Splunk search macros (public entry): the macro table, loaders for macros.conf and security_content
// macro YAML files, and `expandMacros`, which runs before tokenising. Implementation in ./macros/.

export { MacroTable, type MacroDefinition, type MacroTableOptions } from './macros/table.ts';
export { loadMacros, macroFromYaml, parseMacrosConf } from './macros/load.ts';
export { expandMacros, type ExpandResult } from './macros/expand.ts';
