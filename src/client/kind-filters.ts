/**
 * Kind index filters: hides the cards that do not match every chosen value. Filter state lives in
 * the URL (?theme=…&region=…), so a filtered list can be shared and Back works.
 */
interface DocumentEntry {
  slug: string;
  title: string;
  date: string;
  entities: string[];
}

const FIELDS = ['theme', 'region', 'status', 'document'] as const;

function setUp(form: HTMLFormElement): void {
  const cards = [...document.querySelectorAll<HTMLElement>('.entity-card')];
  const sections = [...document.querySelectorAll<HTMLElement>('[data-theme-section]')];
  const status = form.querySelector<HTMLElement>('[data-filter-status]')!;
  const documentSelect = form.querySelector<HTMLSelectElement>('select[name="document"]')!;
  const scope = status.textContent ?? '';
  let documents: Promise<Map<string, Set<string>>> | undefined;

  const loadDocuments = () =>
    (documents ??= fetch(form.dataset.documentsUrl!)
      .then((r) => (r.ok ? (r.json() as Promise<DocumentEntry[]>) : Promise.reject(new Error(String(r.status)))))
      .then((entries) => {
        for (const d of entries) documentSelect.add(new Option(`${d.title}（${d.entities.length}）`, d.slug));
        return new Map(entries.map((d) => [d.slug, new Set(d.entities)]));
      })
      .catch(() => {
        documents = undefined; // retry on the next use (e.g. back online)
        status.textContent = '文件列表暂时无法加载。';
        return new Map<string, Set<string>>();
      }));

  const apply = async () => {
    const chosen = Object.fromEntries(FIELDS.map((f) => [f, (form.elements.namedItem(f) as HTMLSelectElement | null)?.value ?? '']));
    const inDocument = chosen.document ? (await loadDocuments()).get(chosen.document) : undefined;
    let shown = 0;
    for (const card of cards) {
      const match =
        (!chosen.theme || card.dataset.theme === chosen.theme) &&
        (!chosen.region || card.dataset.region === chosen.region) &&
        (!chosen.status || (card.dataset.status ?? '').split('|').includes(chosen.status)) &&
        (!chosen.document || Boolean(inDocument?.has(card.dataset.slug!)));
      card.hidden = !match;
      if (match) shown++;
    }
    for (const section of sections) section.hidden = !section.querySelector('.entity-card:not([hidden])');
    const active = FIELDS.some((f) => chosen[f]);
    status.textContent = active ? `显示 ${shown} / ${cards.length} 条${scope ? `（${scope}）` : ''}` : scope;
    const url = new URL(location.href);
    for (const f of FIELDS) chosen[f] ? url.searchParams.set(f, chosen[f]) : url.searchParams.delete(f);
    history.replaceState(null, '', url);
  };

  // Load the document list as soon as the reader reaches for that filter (focus covers keyboard and touch).
  documentSelect.addEventListener('focus', () => void loadDocuments(), { once: true });
  form.addEventListener('change', () => void apply());
  form.addEventListener('reset', () => setTimeout(() => void apply()));
  form.addEventListener('submit', (e) => e.preventDefault());

  const params = new URLSearchParams(location.search);
  const initial = FIELDS.filter((f) => params.get(f));
  if (initial.length === 0) return;
  void (async () => {
    if (params.get('document')) await loadDocuments();
    for (const f of initial) {
      const select = form.elements.namedItem(f) as HTMLSelectElement | null;
      if (select) select.value = params.get(f)!;
    }
    await apply();
  })();
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-kind-filters]')) setUp(form);
