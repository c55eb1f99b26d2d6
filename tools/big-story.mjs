// A valid story of a given size, as large as the page accepts or any size below: for the parse
// benchmark (tools/parse-bench.mjs) and the story worker's browser test.

/** A valid story of about `bytes` bytes: places over Eurasia, streams between them, five
 * running-total readings each, minified as a newsroom's tool would write it. */
export function story(bytes) {
  const day = (d) => new Date(Date.UTC(2022, 0, 1 + d)).toISOString().slice(0, 10);
  const s = {
    story: { id: 'big', title: 'A story as large as the page accepts', as_of: '2025-06-30', version: '1.0.0', start: '2022-01-01', end: '2025-06-30' },
    sources: [{ id: 's', document: 'generated', title: 'Generated', published: '2025-06-30' }],
    places: [],
    categories: [{ id: 'c', names: { en: 'C' } }],
    units: [{ id: 'u', names: { en: 'U' } }],
    streams: [],
    observations: [],
  };
  const places = 1000;
  for (let i = 0; i < places; i += 1) {
    s.places.push({ id: `p${i}`, names: { en: `Place ${i}` }, lon: 30 + (i * 7.3) % 105, lat: 35 + (i * 3.1) % 27, precision: 'city', country: 'RU' });
  }
  let size = JSON.stringify(s).length;
  for (let i = 0; size < bytes; i += 1) {
    const id = `f${i}`;
    const from = i % places;
    const stream = { id, label: `Flow ${i}`, category: 'c', unit: 'u', from: `p${from}`, to: `p${(from + 1 + (i * 13) % (places - 1)) % places}` };
    const obs = [];
    for (let o = 0; o < 5; o += 1) {
      obs.push({ id: `${id}-o${o}`, stream: id, quantity: { about: 100 * (o + 1) }, unit: 'u', measure: 'cumulative',
        period: `2022-01-01/${day(200 * (o + 1))}`, reported: day(200 * (o + 1)),
        claimant: { name: 'generator', party: 'none' }, source: 's', confidence: 'reported' });
    }
    const add = JSON.stringify(stream).length + JSON.stringify(obs).length + 2;
    if (size + add > bytes) break;
    s.streams.push(stream);
    s.observations.push(...obs);
    size += add;
  }
  return JSON.stringify(s);
}
