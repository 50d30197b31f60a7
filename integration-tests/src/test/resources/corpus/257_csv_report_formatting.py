# jit-expect-compiled: split_line parse_rows convert summarise by_region render main
# Data munging: a hand-written CSV splitter (quoted fields with commas and doubled quotes),
# typed conversion with per-row error reporting, the same text parsed by the csv module for
# comparison, grouping and aggregating, sorting by several keys (descending numeric, then name),
# and a fixed-width report using format specs (alignment, thousands separators, percentages).
import csv
import io

DATA = '''region,product,units,price
north,"Widget, large",12,9.50
south,Gadget,7,12.25
north,Gadget,3,12.25
east,"Bolt ""M8""",250,0.10
south,"Widget, large",x,9.50
west,Gizmo,5,
north,Gizmo,9,20
east,Widget,40,1.75
'''


def split_line(line):
    fields, field, quoted, i = [], [], False, 0
    while i < len(line):
        ch = line[i]
        if quoted:
            if ch == '"' and i + 1 < len(line) and line[i + 1] == '"':
                field.append('"')
                i += 1
            elif ch == '"':
                quoted = False
            else:
                field.append(ch)
        elif ch == '"':
            quoted = True
        elif ch == ",":
            fields.append("".join(field))
            field = []
        else:
            field.append(ch)
        i += 1
    fields.append("".join(field))
    return fields


def convert(row, lineno):
    region, product, units, price = row
    try:
        return {"region": region, "product": product, "units": int(units), "price": float(price)}
    except ValueError as e:
        raise ValueError("line %d: %s" % (lineno, e)) from None


def parse_rows(text):
    lines = text.strip().splitlines()
    header = split_line(lines[0])
    rows, errors = [], []
    for lineno, line in enumerate(lines[1:], 2):
        try:
            rows.append(convert(split_line(line), lineno))
        except ValueError as e:
            errors.append(str(e))
    return header, rows, errors


def summarise(rows):
    for r in rows:
        r["revenue"] = round(r["units"] * r["price"], 2)
    return sorted(rows, key=lambda r: (-r["revenue"], r["product"], r["region"]))


def by_region(rows):
    totals = {}
    for r in rows:
        units, revenue = totals.get(r["region"], (0, 0.0))
        totals[r["region"]] = (units + r["units"], revenue + r["revenue"])
    return sorted(totals.items(), key=lambda kv: (-kv[1][1], kv[0]))


def render(rows, regions):
    grand = sum(r["revenue"] for r in rows)
    lines = ["%-8s|%-15s|%6s|%9s" % ("region", "product", "units", "revenue")]
    lines.append("-" * len(lines[0]))
    for r in rows:
        lines.append(f"{r['region']:<8}|{r['product']:<15.15}|{r['units']:>6,d}|{r['revenue']:>9,.2f}")
    lines.append("")
    for region, (units, revenue) in regions:
        lines.append(f"{region:>6}: {units:>4} units {revenue:>8.2f} {revenue / grand:>7.1%}")
    lines.append(f"{'total':>6}: {grand:_>14,.3f}")
    return lines


def main():
    header, rows, errors = parse_rows(DATA)
    print(header)
    print(errors)
    reference = list(csv.reader(io.StringIO(DATA)))
    print("matches csv module:", [split_line(l) for l in DATA.strip().splitlines()] == reference)
    rows = summarise(rows)
    for line in render(rows, by_region(rows)):
        print(line)


main()
