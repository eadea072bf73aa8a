#include "series_csv.h"

#include "csv_records.h"
#include "utf8.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <new>
#include <string>
#include <string_view>
#include <tuple>

namespace lstm {

namespace {

constexpr std::int64_t kProgressStep = std::int64_t(1) << 20; // bytes parsed between progress calls

using namespace csv;

QString quotedText(std::string_view text) {
  return QLatin1Char('"') + QString::fromUtf8(text.data(), qsizetype(text.size())) + QLatin1Char('"');
}

std::optional<QString> optionsProblem(const CsvOptions &options) {
  const char32_t d = options.delimiter;
  const char32_t p = options.decimal;
  if (d != 0 && (d > 0x7F || d == U'"' || d == U'\n' || d == U'\r' || (d >= U'0' && d <= U'9')))
    return QStringLiteral("the delimiter must be an ASCII character other than a quote, a line break or a digit");
  if (p != 0 && p != U'.' && p != U',')
    return QStringLiteral("the decimal separator must be '.' or ','");
  if (d != 0 && d == p)
    return QStringLiteral("the delimiter and the decimal separator are both '%1'").arg(QLatin1Char(char(d)));
  if (options.maxBytes < 0)
    return QStringLiteral("the size limit must not be negative");
  return std::nullopt;
}

QString columnLabel(const CsvTable &table, std::size_t column) {
  return table.hadHeader ? QStringLiteral("column \"%1\"").arg(table.columnNames[qsizetype(column)])
                         : QStringLiteral("column %1").arg(column + 1);
}

std::optional<CsvTable> parseCsv(const QString &path, std::string_view text, const CsvOptions &options,
                                 const CsvProgress &progress, QString *problem) {
  const bool onlyBom = text.size() == 3 && text == "\xEF\xBB\xBF";
  if (text.substr(0, 3) == "\xEF\xBB\xBF")
    text.remove_prefix(3);
  const Dialect dialect = detectDialect(text, char(options.delimiter), char(options.decimal));
  CsvTable table;
  table.path = path;
  table.delimiter = char32_t(dialect.delimiter);
  table.decimal = char32_t(dialect.decimal);

  RecordReader reader(text, dialect.delimiter);
  Fields first;
  Fields next;
  std::int64_t firstLine = 0;
  std::int64_t line = 0;
  const auto read = [&](Fields &into, std::int64_t &at) {
    const auto status = reader.next(into, at);
    if (status == RecordReader::Status::UnclosedQuote)
      *problem = QStringLiteral("line %1: a quoted field is not closed before the end of the file").arg(at);
    return status;
  };
  auto status = read(first, firstLine);
  if (status == RecordReader::Status::UnclosedQuote)
    return std::nullopt;
  if (status == RecordReader::Status::End) {
    *problem = text.empty() || onlyBom ? QStringLiteral("the file is empty")
                                       : QStringLiteral("the file has only blank lines");
    return std::nullopt;
  }
  status = read(next, line);
  if (status == RecordReader::Status::UnclosedQuote)
    return std::nullopt;
  const std::size_t width = first.size();
  table.hadHeader = options.header == CsvHeader::Auto
                        ? looksLikeHeader(first, status == RecordReader::Status::Record ? &next : nullptr,
                                          dialect.decimal)
                        : options.header == CsvHeader::Yes;
  for (std::size_t c = 0; c < width; ++c) {
    QString name;
    if (table.hadHeader) {
      std::u32string ignored;
      Utf8Error bad;
      if (!decodeUtf8(first[c], ignored, &bad)) {
        *problem = QStringLiteral("line %1: the name of column %2 is not valid UTF-8 (%3)").arg(firstLine).arg(c + 1)
                       .arg(QString::fromStdString(bad.reason));
        return std::nullopt;
      }
      name = QString::fromUtf8(first[c].data(), qsizetype(first[c].size())).trimmed();
    }
    table.columnNames.append(name.isEmpty() ? QStringLiteral("column %1").arg(c + 1) : name);
  }
  table.columns.resize(width);
  table.textColumn.resize(width);

  std::int64_t reported = 0;
  const auto addRow = [&](const Fields &row, std::int64_t at) {
    if (row.size() != width) {
      *problem = QStringLiteral("line %1 has %2 fields, but line %3 has %4").arg(at).arg(row.size()).arg(firstLine)
                     .arg(width);
      return false;
    }
    // A table of words (a header followed by more words) deserves one plain sentence, not a complaint about
    // its first cell. A single column keeps the precise message below.
    if (table.rows == 0 && width > 1 && countNumbers(row, dialect.decimal) == 0) {
      QStringList texts;
      for (const std::string &f : row)
        texts.append(quotedText(f));
      *problem = QStringLiteral("no column holds numbers (line %1: %2)").arg(at).arg(texts.join(QStringLiteral(", ")));
      return false;
    }
    for (std::size_t c = 0; c < width; ++c) {
      if (!table.textColumn[c].isEmpty())
        continue;
      double value = 0.0;
      const NumberStatus result = parseNumber(row[c], dialect.decimal, value);
      if (result == NumberStatus::Ok) {
        table.columns[c].push_back(value);
        continue;
      }
      if (table.rows == 0 && width > 1 && result == NumberStatus::NotNumber) { // dates, labels: not a series
        table.textColumn[c] = QStringLiteral("line %1: %2").arg(at).arg(quotedText(row[c]));
        continue;
      }
      const QString where = QStringLiteral("line %1, %2: ").arg(at).arg(columnLabel(table, c));
      if (result == NumberStatus::Missing)
        *problem = where + QStringLiteral("the value is missing");
      else if (result == NumberStatus::OutOfRange)
        *problem = where + quotedText(row[c]) + QStringLiteral(" is out of the range of a double");
      else
        *problem = where + quotedText(row[c]) + QStringLiteral(" is not a number");
      return false;
    }
    ++table.rows;
    const auto done = std::int64_t(reader.position());
    if (progress && done - reported >= kProgressStep) {
      reported = done;
      if (!progress(done, std::int64_t(text.size()))) {
        *problem = QStringLiteral("loading was cancelled");
        return false;
      }
    }
    return true;
  };

  if (!table.hadHeader && !addRow(first, firstLine))
    return std::nullopt;
  if (status == RecordReader::Status::Record) {
    if (!addRow(next, line))
      return std::nullopt;
    while ((status = read(next, line)) == RecordReader::Status::Record)
      if (!addRow(next, line))
        return std::nullopt;
    if (status == RecordReader::Status::UnclosedQuote)
      return std::nullopt;
  }
  if (table.rows == 0) {
    *problem = QStringLiteral("the file has a header (line %1) but no rows of numbers").arg(firstLine);
    return std::nullopt;
  }
  if (progress && !progress(std::int64_t(text.size()), std::int64_t(text.size()))) {
    *problem = QStringLiteral("loading was cancelled");
    return std::nullopt;
  }
  return table;
}

std::optional<CsvTable> readCsvFile(const QString &path, const CsvOptions &options, const CsvProgress &progress,
                                    QString *problem) {
  if (const auto bad = optionsProblem(options)) {
    *problem = *bad;
    return std::nullopt;
  }
  const QFileInfo info(path);
  if (info.isDir()) {
    *problem = QStringLiteral("this is a directory, not a CSV file");
    return std::nullopt;
  }
  const auto tooLarge = [&](std::int64_t bytes) {
    *problem = QStringLiteral("the file has %1 bytes, more than the limit of %2").arg(bytes).arg(options.maxBytes);
  };
  // Checked before opening, and again on the open file in case it grew in between.
  if (info.exists() && info.size() > options.maxBytes) {
    tooLarge(info.size());
    return std::nullopt;
  }
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    *problem = file.errorString();
    return std::nullopt;
  }
  const std::int64_t size = file.size();
  if (size > options.maxBytes) {
    tooLarge(size);
    return std::nullopt;
  }
  // Mapping keeps a large file out of the heap; files that cannot be mapped (pipes, some file systems) are read.
  QByteArray bytes;
  std::string_view text;
  if (size > 0) {
    if (const uchar *mapped = file.map(0, size))
      text = std::string_view(reinterpret_cast<const char *>(mapped), std::size_t(size));
    else {
      bytes = file.readAll();
      if (file.error() != QFileDevice::NoError) {
        *problem = QStringLiteral("reading failed: %1").arg(file.errorString());
        return std::nullopt;
      }
      text = std::string_view(bytes.constData(), std::size_t(bytes.size()));
    }
  }
  return parseCsv(path, text, options, progress, problem);
}

} // namespace

std::optional<CsvTable> loadCsv(const QString &path, const CsvOptions &options, QString *error,
                                const CsvProgress &progress) {
  QString problem;
  std::optional<CsvTable> table;
  try {
    table = readCsvFile(path, options, progress, &problem);
  } catch (const std::bad_alloc &) {
    problem = QStringLiteral("there is not enough memory to hold the table");
  }
  if (!table && error)
    *error = QStringLiteral("%1: %2").arg(path, problem);
  return table;
}

std::optional<std::vector<double>> csvColumn(const CsvTable &table, const QString &nameOrNumber, QString *error) {
  const auto numbersOf = [&](std::size_t c) -> std::optional<std::vector<double>> {
    if (c >= table.textColumn.size() || table.textColumn[c].isEmpty())
      return table.columns[c];
    if (error)
      *error = QStringLiteral("%1: %2 holds text, not numbers (%3)")
                   .arg(table.path, columnLabel(table, c), table.textColumn[c]);
    return std::nullopt;
  };
  const qsizetype byName = table.columnNames.indexOf(nameOrNumber);
  if (byName >= 0 && std::size_t(byName) < table.columns.size())
    return numbersOf(std::size_t(byName));
  bool isNumber = false;
  const qlonglong number = nameOrNumber.trimmed().toLongLong(&isNumber);
  if (isNumber && number >= 1 && std::size_t(number) <= table.columns.size())
    return numbersOf(std::size_t(number - 1));
  if (error) {
    QStringList names;
    for (const QString &name : table.columnNames)
      names.append(QLatin1Char('"') + name + QLatin1Char('"'));
    const QString wanted = isNumber ? QStringLiteral("column %1").arg(number)
                                    : QStringLiteral("column \"%1\"").arg(nameOrNumber);
    *error = QStringLiteral("%1: there is no %2; the columns are %3 (or 1 to %4 by number)")
                 .arg(table.path, wanted, names.join(QStringLiteral(", ")))
                 .arg(table.columnNames.size());
  }
  return std::nullopt;
}

SeriesScaling SeriesScaling::fit(std::span<const double> values) {
  SeriesScaling scaling;
  if (values.empty())
    return scaling;
  // Two passes: the mean first, then squared deviations from it, which keeps precision for series far from zero.
  double sum = 0.0;
  for (const double v : values)
    sum += v;
  scaling.mean = sum / double(values.size());
  double squares = 0.0;
  for (const double v : values)
    squares += (v - scaling.mean) * (v - scaling.mean);
  const double deviation = std::sqrt(squares / double(values.size()));
  scaling.stddev = deviation > 0.0 && std::isfinite(deviation) ? deviation : 1.0;
  return scaling;
}

} // namespace lstm
