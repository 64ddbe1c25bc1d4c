// Azurite's table service for the benchmarks, with lookups that use its partition index the way Azure Table
// Storage uses the partition key. Two of Azurite's lookups grow with the whole table, not with the partition
// they name, and the task hub's tables gain rows with every call of a campaign, so every orchestration step
// and entity operation got slower as a run went on (the table process at 100% CPU after 2,600 calls of the
// 10k utilisation run, dial rate down from 2.4 to 1.4-2.0 a second; Dec 2026):
// - a query runs its filter over every row of the table, then sorts the matches;
// - a point read or write finds its row by RowKey first, and the engine's tables share RowKeys across all
//   instances (every instance's row in the Instances table has RowKey "", every history its "0000..." rows).
// Both now start from the smaller of the two index ranges, which gives the same rows.
// Usage: node scripts/azurite-table.js [the arguments of Azurite's table/main.js]
const path = require("path");
const azurite = path.join(__dirname, "..", "node_modules", "azurite", "dist", "src", "table");
const store = require(path.join(azurite, "persistence", "LokiTableMetadataStore.js")).default;
const Loki = require(require.resolve("lokijs", { paths: [path.join(azurite, "persistence")] }));

/**
 * The partition a filter confines its rows to: one of its top-level conjuncts is `PartitionKey eq '...'`.
 * Undefined when it does not, or when that cannot be told (an `or` or `not` at the top level).
 */
function partitionOf(filter) {
  if (typeof filter !== "string") {
    return undefined;
  }

  // Literals out of the way first (they may hold any text), kept by number.
  const literals = [];
  const shape = unwrapped(filter.replace(/'((?:[^']|'')*)'/g, (_, text) => `'#${literals.push(text.replace(/''/g, "'")) - 1}'`));

  const conjuncts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < shape.length; i++) {
    if (shape[i] === "(") depth++;
    else if (shape[i] === ")") depth--;
    else if (depth === 0 && /\s/.test(shape[i])) {
      const word = /^\s+(and|or|not)\s/i.exec(shape.slice(i));
      if (word && word[1].toLowerCase() !== "and") {
        return undefined;
      }

      if (word) {
        conjuncts.push(shape.slice(start, i));
        start = i + word[0].length;
      }
    }
  }
  conjuncts.push(shape.slice(start));
  for (const conjunct of conjuncts) {
    const term = /^PartitionKey\s+eq\s+'#(\d+)'$/.exec(unwrapped(conjunct));
    if (term) {
      return literals[Number(term[1])];
    }
  }

  return undefined;
}

/** The text without the parentheses that enclose all of it, however many pairs. */
function unwrapped(text) {
  let inner = text.trim();
  while (wrapped(inner)) {
    inner = inner.slice(1, -1).trim();
  }

  return inner;
}

/** Whether the parenthesis that opens the text closes at its end. */
function wrapped(text) {
  if (!text.startsWith("(")) {
    return false;
  }

  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth === 0) return i === text.length - 1;
  }

  return false;
}

/** How many rows hold this value of an indexed property. */
function rowsWith(collection, property, value) {
  collection.ensureIndex(property); // rebuilds the index only if it is dirty
  const [first, last] = collection.calculateRange("$eq", property, value);
  return last - first + 1;
}

const query = store.prototype.queryTableEntities;
store.prototype.queryTableEntities = function (context, account, table, queryOptions, ...rest) {
  const partition = partitionOf(queryOptions && queryOptions.filter);
  if (partition === undefined) {
    return query.call(this, context, account, table, queryOptions, ...rest);
  }

  // The query reads the collection once, synchronously, before it awaits anything: hand it a view whose
  // chain starts at the partition's rows (found through the PartitionKey index).
  const collection = this.getEntityCollection(account, table, context);
  const partitionView = { chain: () => collection.chain().find({ PartitionKey: partition }) };
  const scoped = Object.create(this, { getEntityCollection: { value: () => partitionView } });
  return query.call(scoped, context, account, table, queryOptions, ...rest);
};

// Azurite finds an entity with findOne({ RowKey, PartitionKey }), which Loki answers from the first key's index.
const findOne = Loki.Collection.prototype.findOne;
Loki.Collection.prototype.findOne = function (keys) {
  const indexed = keys && typeof keys.PartitionKey === "string" && typeof keys.RowKey === "string" && Object.keys(keys).length === 2
    && this.binaryIndices.PartitionKey && this.binaryIndices.RowKey;
  if (!indexed) {
    return findOne.call(this, keys);
  }

  const [narrow, wide] = rowsWith(this, "PartitionKey", keys.PartitionKey) <= rowsWith(this, "RowKey", keys.RowKey)
    ? ["PartitionKey", "RowKey"] : ["RowKey", "PartitionKey"];
  return findOne.call(this, { [narrow]: keys[narrow], [wide]: keys[wide] });
};

require(path.join(azurite, "main.js"));
