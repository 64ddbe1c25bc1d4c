// Azurite's table service for the benchmarks, with queries that name one partition served from that
// partition. Azurite answers every query by running its filter over every row of the table (a `where` over
// the whole collection, then a sort), although the collection has an index on PartitionKey; the task hub's
// history table gains rows with every call of a campaign, so each history read (every orchestration step,
// every entity operation) got slower as the run went on, which Azure Table Storage, where the partition key
// is the index, does not do. A filter that is a conjunction (no `or`, no `not`) with a `PartitionKey eq '...'`
// term can only match rows of that partition, so running it over that partition's rows gives the same answer.
// Usage: node scripts/azurite-table.js [the arguments of Azurite's table/main.js]
const path = require("path");
const azurite = path.join(__dirname, "..", "node_modules", "azurite", "dist", "src", "table");
const store = require(path.join(azurite, "persistence", "LokiTableMetadataStore.js")).default;

/** The partition a filter confines its rows to, or undefined when it does not (or it cannot be told). */
function partitionOf(filter) {
  if (typeof filter !== "string") {
    return undefined;
  }

  // Literals out of the way first (they may hold any text), kept by number.
  const literals = [];
  const shape = filter.replace(/'((?:[^']|'')*)'/g, (_, text) => `'#${literals.push(text.replace(/''/g, "'")) - 1}'`);
  if (/\b(or|not)\b/i.test(shape)) {
    return undefined;
  }

  const terms = [...shape.matchAll(/\bPartitionKey\s+eq\s+'#(\d+)'/g)];
  return terms.length === 1 ? literals[Number(terms[0][1])] : undefined;
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

require(path.join(azurite, "main.js"));
