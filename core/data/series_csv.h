#pragma once
// CSV import for numeric time series: a table of columns of doubles, one value per row, plus the
// normalisation a model stores with itself. A value that is missing or is not a number is never dropped or
// guessed: loading fails and the error names the file, the line (1-based, as an editor counts, blank lines
// included), the column and the text. All functions are reentrant and may be called from any thread.
#include "series_scaling.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

namespace lstm {

enum class CsvHeader { Auto, Yes, No };

struct CsvOptions {
  char32_t delimiter = 0;       // 0 = detect among ',', ';' and tab; otherwise an ASCII character, not '"' or a digit
  char32_t decimal = 0;         // 0 = detect '.' or ','; otherwise '.' or ',' (never the delimiter)
  // Auto: the first row is a header when one of its fields is not a number and either none of its fields is a
  // number or every field of the second row is.
  CsvHeader header = CsvHeader::Auto;
  std::int64_t maxBytes = std::int64_t(1) << 30; // larger files are refused before anything is read
};

struct CsvTable {
  QString path;                              // as given to loadCsv
  QStringList columnNames;                   // from the header, or "column 1", "column 2", … (also for empty names)
  std::vector<std::vector<double>> columns;  // columns[c][r]: every number column has `rows` finite values
  // A column whose first value is text (dates, labels) is a text column: kept by name, its values skipped and
  // columns[c] empty. textColumn[c] then says where that first text is, e.g. `line 2: "2024-01-31"`; it is empty
  // for number columns. A single-column file has no text columns: its first value must be a number.
  std::vector<QString> textColumn;
  char32_t delimiter = U',';                 // what was used (detected or given)
  char32_t decimal = U'.';
  bool hadHeader = false;
  std::int64_t rows = 0;                     // data rows, ≥ 1
};

// Called while parsing with (bytes parsed, file size); return false to cancel loading.
using CsvProgress = std::function<bool(std::int64_t done, std::int64_t total)>;

// Reads a UTF-8 CSV file (BOM dropped; LF, CRLF or CR line ends; RFC 4180 quoting with "" for a quote; lines
// with nothing but spaces are skipped). Detection looks at the first 20 non-blank lines and prefers a delimiter
// and decimal separator under which they have one field count and hold only numbers (after a header). A single
// column with decimal commas is therefore read as two columns unless the delimiter is given.
// On failure returns nullopt and sets `error` (if given) to "<path>: <problem>", e.g.
// "data.csv: line 7, column \"temp\": \"n/a\" is not a number". NaN and infinity are not numbers here.
std::optional<CsvTable> loadCsv(const QString &path, const CsvOptions &options, QString *error,
                                const CsvProgress &progress = {});

// The column called `nameOrNumber` (exact name first, then a 1-based number). On failure returns nullopt and
// sets `error` to "<path>: <problem>" naming the available columns, or saying that the column holds text.
std::optional<std::vector<double>> csvColumn(const CsvTable &table, const QString &nameOrNumber, QString *error);


} // namespace lstm
