import { cleanDocument } from '../../src/gaps/cleanDocument';
import { foldToken } from '../../src/gaps/foldToken';
import { splitSentences } from '../../src/gaps/splitSentences';
import { tolerantDistance, tolerantEqual } from '../../src/gaps/tolerantEqual';
import { nameForm, nameKey, tokenize } from '../../src/gaps/tokenize';

describe('foldToken', () => {
  test('folds case and diacritics, and reads the digits the PDF text puts for letters', () => {
    expect(['Skåne', 'Skéne', 'Øresund', 'ICPerMed'].map(foldToken)).toEqual(['skane', 'skene', 'oresund', 'icpermed']);
    // 6 and 0 for ö, 1 for l, beside letters: "6ka" is öka, "16per" löper, "1angsiktigt" långsiktigt.
    expect(['6ka', '16per', '1angsiktigt', 'lI6sningarna'].map(foldToken)).toEqual([
      'oka',
      'loper',
      'langsiktigt',
      'liosningarna',
    ]);
  });

  test('keeps the digits of names and numbers', () => {
    expect(['S3P', 'RUFS2050', 'Dent2Health', '2019'].map(foldToken)).toEqual([
      's3p',
      'rufs2050',
      'dent2health',
      '2019',
    ]);
  });
});

describe('tokenize and nameKey', () => {
  test('a genitive written with a colon or apostrophe is not part of the word; hyphens and slashes join words', () => {
    const tokens = tokenize('EU:s strategi, Skåne´s ATMP-centrum; ESS/MAX IV', 100);
    expect(tokens.map((t) => [t.text, t.folded, t.joined])).toEqual([
      ['EU', 'eu', ''],
      ['strategi', 'strategi', ''],
      ['Skåne', 'skane', ''],
      ['ATMP', 'atmp', ''],
      ['centrum', 'centrum', '-'],
      ['ESS', 'ess', ''],
      ['MAX', 'max', '/'],
      ['IV', 'iv', ''],
    ]);
    expect(tokens[0]).toMatchObject({ start: 100, end: 102 });
  });

  test('a name is compared as its folded words run together, so spacing does not matter', () => {
    expect(nameKey('MAX IV')).toBe('maxiv');
    expect(nameKey('MAXIV')).toBe('maxiv');
    expect(nameKey('Region Skånes ATMP-centrum')).toBe('regionskanesatmpcentrum');
    expect([...nameForm('Skåne').garbled]).toEqual([0, 0, 1, 0, 0, 0]);
  });
});

describe('tolerantEqual', () => {
  test('accepts the letters the PDF text writes for å, ä and ö, and a genitive s', () => {
    expect(tolerantDistance('skdne', nameForm('Skåne'))).toBe(0.25);
    expect(tolerantDistance('skene', nameForm('Skåne'))).toBe(0.25);
    expect(tolerantDistance('skedne', nameForm('Skåne'))).toBe(0.5);
    expect(tolerantDistance('hilsa', nameForm('hälsa'))).toBe(0.25);
    expect(tolerantDistance('hialsa', nameForm('hälsa'))).toBe(0.25);
    expect(tolerantDistance('niiringslivet', nameForm('näringslivet'))).toBe(0.5);
    expect(tolerantDistance('eldrandebefolkning', nameForm('äldrande befolkning'))).toBe(0.25);
    expect(tolerantDistance('lunds', nameForm('Lund'))).toBe(0);
    expect(tolerantEqual('mediconvalleys', 'Medicon Valley')).toBe(true);
  });

  test('refuses other letters in short names, other digits, and other first letters', () => {
    expect(tolerantEqual('skall', 'skill')).toBe(false);
    expect(tolerantEqual('meden', 'Medeon')).toBe(false);
    expect(tolerantEqual('medeon', 'Medicon')).toBe(false);
    expect(tolerantEqual('icpermes', 'ICPerMed')).toBe(false);
    expect(tolerantEqual('dent2health', 'dental health')).toBe(false);
  });
});

describe('cleanDocument', () => {
  test('joins hyphens at line breaks, keeps real ones, and blanks web addresses', () => {
    const raw =
      'svensk-dansk komp-\netens, cell-\noch gen- och\nLäs https://eur01.safelinks.protection.outlook.com/?url=x&data=y här och på 1177.se.';
    const { text, rawOffsets } = cleanDocument(raw);
    // The rest of a joined word moves up and the line break follows it: lines keep their number.
    expect(text).toBe(
      `svensk-dansk kompetens,\n cell-\noch gen- och\nLäs ${' '.repeat(60)} här och på ${' '.repeat(7)}.`,
    );
    expect(text.split('\n')).toHaveLength(raw.split('\n').length);
    // Every character of the cleaned text knows where it stands in the file.
    expect(raw[rawOffsets[text.indexOf('etens')]!]).toBe('e');
    expect(rawOffsets[text.indexOf('etens')]).toBe(raw.indexOf('etens'));
    expect(rawOffsets[text.length]).toBe(raw.length);
  });

  test('joins a word broken twice, and keeps the line count', () => {
    const raw = 'en sam-\nver-\nkan mellan\nparter';
    expect(cleanDocument(raw).text).toBe('en samverkan\n\n mellan\nparter');
  });

  test('joins a web address broken at a line-break hyphen before blanking it', () => {
    const { text } = cleanDocument('Las mer har: https://utveckl-\ning.skane.se/tema/firs\nFIRS-RAD');
    expect(text.replace(/ +/g, ' ')).toBe('Las mer har: \n\nFIRS-RAD');
  });
});

describe('splitSentences', () => {
  test('splits at sentence ends and list items, not at abbreviations or a page break inside a sentence', () => {
    const text = [
      'Skane ar en del av Medicon Valley. Den har e.g. Lund University och en hogskola med en lang rad med forskare i',
      '',
      'sin verksamhet.',
      'e Storre samverkan mellan akademi och naringsliv for battre modeller for tech transfer',
      'o Kommersialiseringsprogram som stottar fran tidiga faser fram till skalning av',
      'verksamhet.',
    ].join('\n');
    expect(splitSentences(text).map((s) => s.text.replace(/\s+/g, ' '))).toEqual([
      'Skane ar en del av Medicon Valley.',
      'Den har e.g. Lund University och en hogskola med en lang rad med forskare i sin verksamhet.',
      'Storre samverkan mellan akademi och naringsliv for battre modeller for tech transfer',
      'Kommersialiseringsprogram som stottar fran tidiga faser fram till skalning av verksamhet.',
    ]);
  });

  test("a web page's lines are paragraphs; in a PDF's wrapped text a short line before a capital ends one", () => {
    const paragraph = `Innovation Skåne has a unique mission to address the challenges faced by Region Skåne ${'through the power of innovation '.repeat(4)}and development.`;
    expect(splitSentences(`Region Skåne’s innovation company\nFind out more\n${paragraph}`).map((s) => s.text)).toEqual(
      ['Region Skåne’s innovation company', 'Find out more', paragraph],
    );
    const wrapped = [
      'Nio universitet i Medicon Valley och en lang rad med foretag som arbetar med life science',
      'Skandinaviens storsta Life Science Park',
      'Europas storsta lakemedelsforetag och en rad andra foretag som poangterar att varken Region',
      'Skane eller FIRS Life science-grupp ar ensamma om agendan.',
    ].join('\n');
    expect(splitSentences(wrapped).map((s) => s.text.replace(/\s+/g, ' '))).toEqual([
      'Nio universitet i Medicon Valley och en lang rad med foretag som arbetar med life science Skandinaviens storsta Life Science Park',
      'Europas storsta lakemedelsforetag och en rad andra foretag som poangterar att varken Region Skane eller FIRS Life science-grupp ar ensamma om agendan.',
    ]);
  });
});
