/**
 * The 大事记 filter: shows the events of one region and/or kind. The page is complete without it
 * (every event, grouped by year); this only hides what does not match, and keeps the choice in
 * the URL (?region=…&kind=…) so a filtered view can be shared and Back works.
 */
export function initTimelineFilter(doc: Document): void {
  const form = doc.querySelector<HTMLFormElement>('[data-timeline-filter]');
  if (!form) return;
  const region = form.querySelector<HTMLSelectElement>('select[name="region"]')!;
  const kind = form.querySelector<HTMLSelectElement>('select[name="kind"]')!;
  const count = form.querySelector<HTMLElement>('[data-timeline-count]')!;
  const params = new URLSearchParams(location.search);
  const pick = (select: HTMLSelectElement, value: string | null) => {
    if (value && [...select.options].some((o) => o.value === value)) select.value = value;
  };
  pick(region, params.get('region'));
  pick(kind, params.get('kind'));

  const apply = () => {
    let shown = 0;
    for (const year of doc.querySelectorAll<HTMLElement>('[data-timeline-year]')) {
      let inYear = 0;
      for (const item of year.querySelectorAll<HTMLElement>('.timeline-event')) {
        const match = (!region.value || item.dataset.region === region.value) && (!kind.value || item.dataset.kind === kind.value);
        item.hidden = !match;
        if (match) inYear++;
      }
      year.hidden = inYear === 0;
      shown += inYear;
    }
    count.textContent = region.value || kind.value ? `显示 ${shown} 条` : '';
  };
  const update = () => {
    const next = new URLSearchParams();
    if (region.value) next.set('region', region.value);
    if (kind.value) next.set('kind', kind.value);
    const query = next.toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
    apply();
  };
  region.addEventListener('change', update);
  kind.addEventListener('change', update);
  form.addEventListener('submit', (event) => event.preventDefault());
  apply();
}
