/**
 * Placeholder page for the foundation: shows that the API and the database answer, and
 * lets a user search and see a person's neighbourhood as a list. The investigator's
 * workspace (Cytoscape graph, techniques, orders) replaces it.
 */
const app = document.querySelector<HTMLDivElement>('#app')!;
app.innerHTML = `
  <main style="font-family: system-ui, 'Noto Sans CJK SC', sans-serif; max-width: 48rem; margin: 2rem auto">
    <h1>Clew 线索</h1>
    <p id="health">正在连接数据库…</p>
    <form id="search"><input name="q" placeholder="姓名、身份证号、电话、车牌" /> <button>搜索</button></form>
    <ul id="results"></ul>
  </main>`;

async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data;
}

fetch('/health')
  .then((r) => r.json())
  .then((h: { status: string; database: { version?: string } }) => {
    document.querySelector('#health')!.textContent = h.status === 'ok' ? `数据库已连接 (Neo4j ${h.database.version})` : '数据库不可用';
  });

document.querySelector<HTMLFormElement>('#search')!.addEventListener('submit', async (e) => {
  e.preventDefault();
  const text = new FormData(e.target as HTMLFormElement).get('q')?.toString() ?? '';
  const list = document.querySelector('#results')!;
  try {
    const data = await gql<{ search: { edges: { node: { id: string; label: string; detail: string } }[] } }>(
      'query($t: String!) { search(text: $t) { edges { node { id label detail } } } }',
      { t: text },
    );
    list.replaceChildren(
      ...data.search.edges.map(({ node }) => {
        const li = document.createElement('li');
        li.textContent = `${node.label} — ${node.detail ?? ''} (${node.id})`;
        return li;
      }),
    );
  } catch (err) {
    list.textContent = (err as Error).message;
  }
});
