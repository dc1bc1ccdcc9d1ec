/**
 * A model of the CloudWatch metric-math subset the stacks' alarms, dashboards and scaling use, to show what
 * an expression yields minute by minute: numbers, query ids, `+ - * /`, `>`, `[a, b]`, `IF(c, a, b)`,
 * `FILL(x, v)` (one series or an array) and `MAX(array)` (the highest point at each time). A missing point
 * (`undefined`) stays missing through arithmetic, comparison and IF, as CloudWatch drops a point it cannot
 * compute; FILL is what replaces it ("Metric math syntax and functions",
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html).
 */

/** A time series, one point a minute; `undefined` is a minute without data. */
export type Series = readonly (number | undefined)[];
type Value = Series | Series[] | number;

/** The series `expression` yields over `minutes` minutes, given each query id's series. */
export function evaluate(expression: string, series: Readonly<Record<string, Series>>, minutes: number): Series {
    const tokens = expression.match(/\d+(?:\.\d+)?|[A-Za-z_][A-Za-z0-9_]*|[-+*/>(),[\]]/g) ?? [];
    let at = 0;
    const peek = () => tokens[at];
    const take = (expected?: string) => {
        const t = tokens[at++];
        if (expected !== undefined && t !== expected) throw new Error(`expected ${expected} at ${at - 1} in ${expression}, got ${t}`);
        return t;
    };
    const pointwise = (a: Value, b: Value, f: (x: number, y: number) => number): Series =>
        Array.from({ length: minutes }, (_, i) => {
            const x = typeof a === "number" ? a : (a as Series)[i];
            const y = typeof b === "number" ? b : (b as Series)[i];
            return x === undefined || y === undefined ? undefined : f(x, y);
        });
    const call = (name: string, args: Value[]): Value => {
        switch (name) {
            case "IF":
                return Array.from({ length: minutes }, (_, i) => {
                    const c = typeof args[0] === "number" ? args[0] : (args[0] as Series)[i];
                    const pick = c === undefined ? undefined : c !== 0 ? args[1] : args[2];
                    return pick === undefined ? undefined : typeof pick === "number" ? pick : (pick as Series)[i];
                });
            case "FILL": {
                const fill = (s: Series) => s.map(p => p ?? (args[1] as number));
                return Array.isArray(args[0]) && Array.isArray((args[0] as Series[])[0]) ? (args[0] as Series[]).map(fill) : fill(args[0] as Series);
            }
            case "MAX":
                return Array.from({ length: minutes }, (_, i) => {
                    const points = (args[0] as Series[]).map(s => s[i]);
                    return points.some(p => p === undefined) ? undefined : Math.max(...(points as number[]));
                });
            default:
                throw new Error(`function ${name} is not modelled`);
        }
    };
    const primary = (): Value => {
        const t = take();
        if (t === "(") {
            const v = comparison();
            take(")");
            return v;
        }
        if (t === "[") {
            const items = [comparison() as Series];
            while (peek() === ",") {
                take();
                items.push(comparison() as Series);
            }
            take("]");
            return items;
        }
        if (/^\d/.test(t)) return Number(t);
        if (peek() === "(") {
            take("(");
            const args = [comparison()];
            while (peek() === ",") {
                take();
                args.push(comparison());
            }
            take(")");
            return call(t, args);
        }
        if (!(t in series)) throw new Error(`${t} is no query`);
        return series[t];
    };
    const product = (): Value => {
        let v = primary();
        while (peek() === "*" || peek() === "/") v = take() === "*" ? pointwise(v, primary(), (x, y) => x * y) : pointwise(v, primary(), (x, y) => (y === 0 ? NaN : x / y));
        return v;
    };
    const sum = (): Value => {
        let v = product();
        while (peek() === "+" || peek() === "-") v = take() === "+" ? pointwise(v, product(), (x, y) => x + y) : pointwise(v, product(), (x, y) => x - y);
        return v;
    };
    const comparison = (): Value => {
        const v = sum();
        if (peek() !== ">") return v;
        take();
        return pointwise(v, sum(), (x, y) => (x > y ? 1 : 0));
    };
    const result = comparison();
    if (at !== tokens.length) throw new Error(`unparsed rest of ${expression}`);
    return typeof result === "number" ? Array.from({ length: minutes }, () => result) : (result as Series);
}

/** What an alarm's metric queries return minute by minute: each expression evaluated in order over the metrics' series. */
export function alarmSeries(queries: readonly { id: string; expression?: string; returnData: boolean }[], metrics: Readonly<Record<string, Series>>, minutes: number): Series {
    const known: Record<string, Series> = { ...metrics };
    for (const q of queries) {
        if (q.expression !== undefined) known[q.id] = evaluate(q.expression, known, minutes);
        else if (!(q.id in known)) known[q.id] = Array.from({ length: minutes }, () => undefined);
    }
    return known[queries.find(q => q.returnData)!.id];
}
