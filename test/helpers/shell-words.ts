// Splits a documented shell command line into words as sh would for the simple lines docs show: single
// quotes keep everything, double quotes allow backslash escapes, and an unquoted # starts a comment (returned
// apart, since a comment may say what the command is expected to do). No pipes, variables or globbing.

export function shellWords(line: string): { words: string[]; comment: string } {
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unclosed ' in ${line}`);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      word ??= '';
      for (i++; i < line.length && line[i] !== '"'; i++) word += line[i] === '\\' ? line[++i] : line[i];
      if (i >= line.length) throw new Error(`unclosed " in ${line}`);
    } else if (c === ' ' || c === '\t') {
      if (word !== null) words.push(word);
      word = null;
    } else if (c === '#' && word === null) {
      return { words, comment: line.slice(i + 1).trim() };
    } else {
      word = (word ?? '') + (c === '\\' ? line[++i] : c);
    }
  }
  if (word !== null) words.push(word);
  return { words, comment: '' };
}
