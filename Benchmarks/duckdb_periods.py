#!/usr/bin/env python3
"""The checks part of kaohe's computation in DuckDB, for comparison only (never a dependency
of kaohe): period scores per unit with each category floored at zero (SPEC 3.2), and the
checks part as their mean (3.3), from checks.csv and units.csv of a data folder.

usage: duckdb_periods.py DATA_FOLDER CRITERIA.json5 [--threads N] [--out FILE]
Prints the wall time of the query (reading the CSV files included) and writes unit,daily
to --out when given.
"""
import json, re, sys, time

def json5_to_json(text):
    """Enough JSON5 for the criteria files: comments, unquoted keys, trailing commas."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c == '"':
            j = i + 1
            while text[j] != '"':
                j += 2 if text[j] == '\\' else 1
            out.append(text[i:j + 1]); i = j + 1
        elif text.startswith('//', i):
            i = text.index('\n', i) if '\n' in text[i:] else n
        elif text.startswith('/*', i):
            i = text.index('*/', i) + 2
        else:
            out.append(c); i += 1
    s = ''.join(out)
    s = re.sub(r'([{,]\s*)([A-Za-z_][A-Za-z0-9_]*)\s*:', r'\1"\2":', s)
    s = re.sub(r',(\s*[}\]])', r'\1', s)
    return json.loads(s)

def main():
    args = sys.argv[1:]
    threads, out = 2, None
    if '--threads' in args:
        k = args.index('--threads'); threads = int(args[k + 1]); del args[k:k + 2]
    if '--out' in args:
        k = args.index('--out'); out = args[k + 1]; del args[k:k + 2]
    folder, criteria_path = args
    criteria = json5_to_json(open(criteria_path, encoding='utf-8').read())
    part = next(p for p in criteria['parts'] if p.get('kind') == 'checks')
    months = {'quarter': 3, 'half': 6, 'month': 1}[part['period']]
    periods = 12 // months
    places = criteria['places']
    cats = [(c['id'], str(c['points'])) for c in criteria['categories']]
    items = [(i['id'], i['name'], c['id'], str(i['deduction'])) for c in criteria['categories'] for i in c['items']]

    import duckdb
    t0 = time.time()
    con = duckdb.connect()
    con.execute(f"SET threads = {threads}")
    con.execute("CREATE TABLE cats(category VARCHAR, points DECIMAL(18,6))")
    con.executemany("INSERT INTO cats VALUES (?, ?)", cats)
    con.execute("CREATE TABLE items(id VARCHAR, name VARCHAR, category VARCHAR, deduction DECIMAL(18,6))")
    con.executemany("INSERT INTO items VALUES (?, ?, ?, ?)", items)
    sql = f"""
    WITH units AS (SELECT id, name FROM read_csv('{folder}/units.csv', all_varchar = true)),
    unitkeys AS (SELECT id AS key, id FROM units
                 UNION ALL SELECT name, id FROM units WHERE name NOT IN (SELECT id FROM units)),
    itemkeys AS (SELECT id AS key, category, deduction FROM items
                 UNION ALL SELECT name, category, deduction FROM items),
    checks AS (SELECT * FROM read_csv('{folder}/checks.csv', all_varchar = true, header = true)),
    fails AS (
      SELECT u.id AS unit, i.category,
             (month(CAST(c.date AS DATE)) - 1) // {months} AS period,
             COALESCE(CAST(NULLIF(trim(c.deduction), '') AS DECIMAL(18,6)), i.deduction) AS d
      FROM checks c
      JOIN itemkeys i ON i.key = c.item
      JOIN unitkeys u ON u.key = c.unit
      WHERE lower(c.result) IN ('fail', '不合格')),
    sums AS (SELECT unit, period, category, SUM(d) AS d FROM fails GROUP BY ALL),
    grid AS (SELECT u.id AS unit, p.range AS period, c.category, c.points
             FROM units u, range({periods}) p, cats c),
    scores AS (
      SELECT g.unit, g.period,
             round(SUM(greatest(0, g.points - COALESCE(s.d, 0))), {places}) AS score
      FROM grid g LEFT JOIN sums s ON s.unit = g.unit AND s.period = g.period AND s.category = g.category
      GROUP BY g.unit, g.period)
    SELECT unit, round(avg(score), {places}) AS daily FROM scores GROUP BY unit
    """
    rows = con.execute(sql).fetchall()
    elapsed = time.time() - t0
    print(f"duckdb {duckdb.__version__}: {len(rows)} units, {threads} threads, {elapsed:.3f} s")
    if out:
        with open(out, 'w') as f:
            for unit, daily in rows:
                f.write(f"{unit},{daily}\n")

main()
