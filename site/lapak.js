// Lapak's only script. Every page works without it; with it, buyers get a cart that ends in one
// WhatsApp message per producer, and search as they type. Texts and prices come from data-*
// attributes the templates write, so this file holds no UI strings and no product data.
(() => {
  "use strict";
  const KEY = "lapak-cart";
  const $$ = (selector, root = document) => root.querySelectorAll(selector);
  const load = () => { // storage blocked or damaged: an empty cart, not a broken page
    try { const items = JSON.parse(localStorage.getItem(KEY) || "[]"); return Array.isArray(items) ? items : []; } catch (e) { return []; }
  };
  const save = (items) => {
    try { localStorage.setItem(KEY, JSON.stringify(items)); } catch (e) { /* full or blocked */ }
    showCount(items);
  };
  // `Rp 85.000`, as the build's Rupiah.format writes it (`Rp 85,000` on English pages).
  const thousands = document.documentElement.lang === "en" ? "," : ".";
  const rupiah = (n) => "Rp " + String(n).replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (m, k) => (k in values ? values[k] : m));
  const qty = (v) => Math.min(99, Math.max(1, parseInt(v, 10) || 1));
  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const k in attrs) node.setAttribute(k, attrs[k]);
    return node.append(...children), node;
  };

  function showCount(items) {
    $$("[data-cart-count]").forEach((c) => { c.textContent = items.reduce((n, i) => n + i.qty, 0); });
    $$("[data-cart-link]").forEach((l) => { l.hidden = false; });
  }

  // Product page: the form is rendered hidden, so it appears only where it can work.
  function setUpAdd(form) {
    const d = form.dataset;
    form.hidden = false;
    // The WhatsApp button follows the picker: the chosen variant, the quantity, the line total.
    const order = document.querySelector("[data-order-link]");
    const follow = () => {
      if (!order) return;
      const option = form.elements.variant ? form.elements.variant.selectedOptions[0] : null;
      const price = parseInt((option || form).dataset.price, 10);
      const n = qty(form.elements.qty.value);
      const text = fill(order.dataset.orderMessage, { producer: d.producerName, qty: n,
        title: option ? `${d.title} (${option.value})` : d.title, total: rupiah(price * n), url: order.dataset.pageUrl });
      order.href = `https://wa.me/${encodeURIComponent(d.wa)}?text=${encodeURIComponent(text)}`;
    };
    form.addEventListener("input", follow);
    form.addEventListener("change", follow);
    // A variant's own link (`?varian=KEY`, as the catalogs give it) opens the page with it chosen.
    const chosen = new URLSearchParams(location.search).get("varian");
    if (chosen && form.elements.variant) {
      for (const option of form.elements.variant.options) if (option.dataset.key === chosen) option.selected = true;
    }
    follow();
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const option = form.elements.variant ? form.elements.variant.selectedOptions[0] : null;
      const variant = option ? option.value : "";
      const price = parseInt((option || form).dataset.price, 10);
      const items = load();
      const id = d.slug + "|" + variant;
      const n = qty(form.elements.qty.value);
      const found = items.find((i) => i.id === id);
      if (found) Object.assign(found, { qty: qty(found.qty + n), price });
      else items.push({ id, title: d.title, url: d.url, variant, price, qty: n,
                        producer: d.producer, producerName: d.producerName, wa: d.wa });
      save(items);
      form.querySelector("[data-cart-status]").replaceChildren(d.added + " ", el("a", { href: d.cartUrl }, d.view));
    });
  }

  // One producer's order, as the WhatsApp message opens prefilled.
  function message(d, group) {
    let total = 0;
    const lines = group.items.map((i) => {
      total += i.price * i.qty;
      return fill(d.line, { title: i.variant ? `${i.title} (${i.variant})` : i.title, qty: i.qty,
                            price: rupiah(i.price), total: rupiah(i.price * i.qty) });
    });
    const text = [fill(d.hello, { producer: group.name, site: d.site }), ...lines, fill(d.sum, { total: rupiah(total) }), d.end];
    return { text: text.join("\n"), total };
  }

  function renderCart(box) {
    const d = box.dataset;
    const groups = new Map();
    for (const i of load()) {
      if (!groups.has(i.producer)) groups.set(i.producer, { name: i.producerName, wa: i.wa, items: [] });
      groups.get(i.producer).items.push(i);
    }
    const parts = groups.size ? [] : [el("p", {}, d.empty)];
    for (const group of groups.values()) {
      const order = message(d, group);
      const id = "g" + parts.length;
      const lines = group.items.map((i) => el("li", { class: "line" },
        el("span", { class: "line-title" }, el("a", { href: i.url }, i.title), i.variant ? el("span", { class: "muted" }, " · " + i.variant) : ""),
        el("label", { class: "line-qty" }, d.quantity + " ",
           el("input", { type: "number", min: 1, max: 99, value: i.qty, inputmode: "numeric", "data-id": i.id })),
        el("span", {}, `× ${rupiah(i.price)} = `, el("strong", {}, rupiah(i.price * i.qty))),
        el("button", { type: "button", class: "link", "data-remove": i.id }, d.remove, el("span", { class: "sr" }, ": " + i.title))));
      const href = `https://wa.me/${encodeURIComponent(group.wa)}?text=${encodeURIComponent(order.text)}`;
      parts.push(el("section", { class: "group", "aria-labelledby": id },
        el("h2", { id }, group.name), el("ul", { class: "lines" }, ...lines),
        el("p", { class: "total" }, d.total + ": ", el("strong", {}, rupiah(order.total))),
        el("p", {}, el("a", { class: "button", href, "data-send": group.wa }, fill(d.send, { producer: group.name })))));
    }
    box.replaceChildren(...parts);
  }

  function setUpCart(box) {
    const change = (update) => { save(update(load())); renderCart(box); };
    renderCart(box);
    box.addEventListener("change", (event) => {
      const id = event.target.dataset.id;
      if (!id) return;
      change((items) => items.map((i) => (i.id === id ? { ...i, qty: qty(event.target.value) } : i)));
      const again = box.querySelector(`input[data-id="${CSS.escape(id)}"]`);
      if (again) again.focus(); // the redraw replaced the field the buyer was in
    });
    box.addEventListener("click", (event) => {
      const id = event.target.closest("[data-remove]")?.dataset.remove;
      if (!id) return;
      change((items) => items.filter((i) => i.id !== id));
      box.focus();
    });
    addEventListener("storage", (event) => { if (event.key === KEY) renderCart(box); }); // another tab
  }

  // Case and accents do not matter: the build folds the index the same way.
  const fold = (text) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

  function setUpSearch(box) {
    const d = box.dataset;
    const input = document.getElementById("q");
    const status = box.querySelector("[data-search-status]");
    const results = box.querySelector("[data-search-results]");
    let index = null;
    box.querySelector("[data-nojs]").remove();
    const run = () => {
      const q = input.value.trim();
      const terms = fold(q).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      history.replaceState(null, "", q ? "?q=" + encodeURIComponent(q) : location.pathname);
      // A term matches at the start of a word: "tas" finds "tas" and "tasbih", not "komunitas".
      const starts = (words, t) => (" " + words).includes(" " + t);
      const hits = index && terms.length ? index.filter((e) => terms.every((t) => starts(e.s, t))) : [];
      const inTitle = (e) => terms.every((t) => starts(fold(e.t).split(/[^\p{L}\p{N}]+/u).join(" "), t));
      const rank = (e) => (inTitle(e) ? 2 : 0) + (e.k === "product" ? 1 : 0);
      hits.sort((a, b) => rank(b) - rank(a)); // title matches first, products before news, then site order
      status.textContent = index && terms.length ? fill(hits.length ? d.results : d.none, { n: hits.length, q }) : "";
      results.replaceChildren(...hits.slice(0, 50).map((e) => el("li", {}, el("a", { href: e.u }, e.t),
        el("span", { class: "meta" }, [e.k === "news" ? d.kindNews : d.kindProduct, e.p, e.b].filter(Boolean).join(" · ")))));
    };
    input.value = new URLSearchParams(location.search).get("q") || "";
    input.form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
    input.addEventListener("input", run);
    fetch(d.index)
      .then((r) => { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then((entries) => { index = entries; run(); })
      .catch(() => { status.textContent = d.failed; });
  }

  showCount(load());
  $$("form[data-cart-add]").forEach(setUpAdd);
  $$("[data-cart]").forEach(setUpCart);
  $$("[data-search]").forEach(setUpSearch);
})();
