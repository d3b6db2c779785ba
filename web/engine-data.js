// The catalogue's data files for one engine module (issue 24, item 1): scripts/postbuild.mjs
// appends this function to each engine module's script, called with the module's own
// `giveIndex`, `needs` and `give` exports (crates/engine/src/lib.rs) and the build's index (its
// address and integrity hash), and exports what it returns as the module's `prepare`. So a page
// pays for this code, and for the index's name, only when it loads an engine; web/boot.js calls
// `prepare(path, query)` before the module draws (a pending page, a spreadsheet, the shell).
//
// `prepare` gives the module every data file the view at the address needs that it does not
// hold: the index first (once), then the series files, fetched in parallel with their integrity
// hashes. A file that cannot be had (offline and never saved, an integrity failure, another
// build's file) rejects with words that name its series and its address; nothing failed is
// kept, so asking again retries.
(giveIndex, needs, give, index, integrity) => {
  const got = new Map();
  // A file's bytes, given to the module by `take` (which answers why not, or nothing).
  const get = (url, hash, what, take) => {
    if (!got.has(url)) {
      const giving = fetch(url, { integrity: hash })
        .then((response) => {
          if (!response.ok) throw Error(`the server answered ${response.status}`);
          return response.arrayBuffer();
        })
        .then(
          (bytes) => {
            const why = take(new Uint8Array(bytes));
            if (why) throw Error(why);
          },
          (error) => {
            throw Error(`${what} (${url}) could not be fetched (${error.message})`);
          },
        );
      got.set(url, giving);
      giving.catch(() => got.delete(url));
    }
    return got.get(url);
  };
  return async (path, search) => {
    await get(index, integrity, "the catalogue's index", giveIndex);
    const wanted = needs(path, search);
    const failed = [];
    for (const result of await Promise.allSettled(
      wanted ? wanted.split('\n').map((line) => {
        const [url, hash, series] = line.split('\t');
        return get(url, hash, `the data of ${series}`, (bytes) => give(url, bytes));
      }) : [],
    )) {
      if (result.reason) failed.push(result.reason.message);
    }
    if (failed.length) throw Error(failed.join('; '));
  };
}
