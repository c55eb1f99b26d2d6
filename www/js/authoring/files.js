// The files a reporter hands the authoring page: dropped (files, or folders walked through
// their entries) or chosen with a file input (files, or a folder with `webkitdirectory`). Each
// becomes `{name, file}`, its name the path inside the dropped or chosen folder
// (`my-flows/flows.csv`), so that problems name the file as the reporter knows it. Nothing is
// sent anywhere: the files are read here, with File.text().

/** Entries of a dropped folder, read batch by batch until the browser gives an empty one. */
async function walk(dir, out) {
  const reader = dir.createReader();
  for (;;) {
    const batch = await new Promise((ok, fail) => reader.readEntries(ok, fail));
    if (batch.length === 0) return;
    for (const entry of batch) {
      if (entry.isDirectory) await walk(entry, out);
      else out.push({ name: entry.fullPath.replace(/^\//, ''), file: await new Promise((ok, fail) => entry.file(ok, fail)) });
    }
  }
}

/** The files of a drop (`event.dataTransfer`): `[{name, file}]`, folders walked. */
export async function droppedFiles(transfer) {
  // The items must be taken before the first await: the browser empties them after the event.
  const items = [...(transfer.items ?? [])].filter((i) => i.kind === 'file')
    .map((i) => ({ entry: i.webkitGetAsEntry?.() ?? null, file: i.getAsFile() }));
  if (items.length === 0) return [...(transfer.files ?? [])].map((file) => ({ name: file.name, file }));
  const out = [];
  for (const { entry, file } of items) {
    if (entry?.isDirectory) await walk(entry, out);
    else if (file) out.push({ name: entry?.fullPath?.replace(/^\//, '') || file.name, file });
  }
  return out;
}

/** The files chosen with `input` (a file input, with or without `webkitdirectory`). */
export function chosenFiles(input) {
  return [...input.files].map((file) => ({ name: file.webkitRelativePath || file.name, file }));
}

/**
 * The texts of `list` in order; a file `isRead(name)` refuses (a hidden file, a picture in the
 * folder) is not read at all and gives ''.
 */
export function readTexts(list, isRead) {
  return Promise.all(list.map(({ name, file }) => (isRead(name) ? file.text() : '')));
}
