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

std::optional<Problem> optionsProblem(const CsvOptions &options) {
  const char32_t d = options.delimiter;
  const char32_t p = options.decimal;
  if (d != 0 && (d > 0x7F || d == U'"' || d == U'\n' || d == U'\r' || (d >= U'0' && d <= U'9')))
    return Problem(ProblemCode::CsvBadDelimiter);
  if (p != 0 && p != U'.' && p != U',')
    return Problem(ProblemCode::CsvBadDecimal);
  if (d != 0 && d == p)
    return Problem(ProblemCode::CsvDelimiterIsDecimal).withValue(QString(QLatin1Char(char(d))));
  if (options.maxBytes < 0)
    return Problem(ProblemCode::CsvNegativeLimit);
  return std::nullopt;
}

// A problem about `column` (0-based) of `table`: its number, and its name when the file has a header ({columnLabel}).
Problem aboutColumn(ProblemCode code, const CsvTable &table, std::size_t column) {
  Problem problem(code);
  problem.column = qint64(column) + 1;
  if (table.hadHeader)
    problem.field = table.columnNames[qsizetype(column)];
  return problem;
}

std::optional<CsvTable> parseCsv(const QString &path, std::string_view text, const CsvOptions &options,
                                 const CsvProgress &progress, Problem *problem) {
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
      *problem = Problem(ProblemCode::CsvUnclosedQuote).at(at);
    return status;
  };
  auto status = read(first, firstLine);
  if (status == RecordReader::Status::UnclosedQuote)
    return std::nullopt;
  if (status == RecordReader::Status::End) {
    *problem = Problem(text.empty() || onlyBom ? ProblemCode::CsvEmpty : ProblemCode::CsvOnlyBlankLines);
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
        *problem = Problem(ProblemCode::CsvColumnNameNotUtf8).at(firstLine, qint64(c) + 1).because(Problem(bad.reason));
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
      *problem = Problem(ProblemCode::CsvFieldCount, {QString::number(firstLine)})
                     .at(at)
                     .withValue(QString::number(row.size()))
                     .withLimit(QString::number(width));
      return false;
    }
    // A table of words (a header followed by more words) deserves one plain sentence, not a complaint about
    // its first cell. A single column keeps the precise message below.
    if (table.rows == 0 && width > 1 && countNumbers(row, dialect.decimal) == 0) {
      QStringList texts;
      for (const std::string &f : row)
        texts.append(quotedText(f));
      *problem = Problem(ProblemCode::CsvNoNumbers).at(at).withValue(texts.join(QStringLiteral(", ")));
      return false;
    }
    for (std::size_t c = 0; c < width; ++c) {
      if (!table.textColumn[c].text.isEmpty())
        continue;
      double value = 0.0;
      const NumberStatus result = parseNumber(row[c], dialect.decimal, value);
      if (result == NumberStatus::Ok) {
        table.columns[c].push_back(value);
        continue;
      }
      if (table.rows == 0 && width > 1 && result == NumberStatus::NotNumber) { // dates, labels: not a series
        table.textColumn[c] = CsvTextCell{at, QString::fromUtf8(row[c].data(), qsizetype(row[c].size()))};
        continue;
      }
      const ProblemCode code = result == NumberStatus::Missing      ? ProblemCode::CsvValueMissing
                               : result == NumberStatus::OutOfRange ? ProblemCode::CsvValueOutOfRange
                                                                    : ProblemCode::CsvValueNotNumber;
      *problem = aboutColumn(code, table, c);
      problem->line = at;
      problem->value = QString::fromUtf8(row[c].data(), qsizetype(row[c].size()));
      return false;
    }
    ++table.rows;
    const auto done = std::int64_t(reader.position());
    if (progress && done - reported >= kProgressStep) {
      reported = done;
      if (!progress(done, std::int64_t(text.size()))) {
        *problem = Problem(ProblemCode::LoadingCancelled);
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
    *problem = Problem(ProblemCode::CsvHeaderOnly).at(firstLine);
    return std::nullopt;
  }
  if (progress && !progress(std::int64_t(text.size()), std::int64_t(text.size()))) {
    *problem = Problem(ProblemCode::LoadingCancelled);
    return std::nullopt;
  }
  return table;
}

std::optional<CsvTable> readCsvFile(const QString &path, const CsvOptions &options, const CsvProgress &progress,
                                    Problem *problem) {
  if (const auto bad = optionsProblem(options)) {
    *problem = *bad;
    return std::nullopt;
  }
  const QFileInfo info(path);
  if (info.isDir()) {
    *problem = Problem(ProblemCode::CsvIsDirectory);
    return std::nullopt;
  }
  const auto tooLarge = [&](std::int64_t bytes) {
    *problem = Problem(ProblemCode::CsvTooLarge).withValue(QString::number(bytes)).withLimit(QString::number(options.maxBytes));
  };
  // Checked before opening, and again on the open file in case it grew in between.
  if (info.exists() && info.size() > options.maxBytes) {
    tooLarge(info.size());
    return std::nullopt;
  }
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    *problem = Problem(ProblemCode::SystemError).withValue(file.errorString());
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
        *problem = Problem(ProblemCode::ReadFailed).withValue(file.errorString());
        return std::nullopt;
      }
      text = std::string_view(bytes.constData(), std::size_t(bytes.size()));
    }
  }
  return parseCsv(path, text, options, progress, problem);
}

} // namespace

std::optional<CsvTable> loadCsv(const QString &path, const CsvOptions &options, Problem *problem,
                                const CsvProgress &progress) {
  Problem found;
  std::optional<CsvTable> table;
  try {
    table = readCsvFile(path, options, progress, &found);
  } catch (const std::bad_alloc &) {
    found = Problem(ProblemCode::CsvOutOfMemory);
  }
  if (!table)
    report(problem, found.inFile(path));
  return table;
}

std::optional<std::vector<double>> csvColumn(const CsvTable &table, const QString &nameOrNumber, Problem *problem) {
  const auto numbersOf = [&](std::size_t c) -> std::optional<std::vector<double>> {
    if (c >= table.textColumn.size() || table.textColumn[c].text.isEmpty())
      return table.columns[c];
    report(problem, aboutColumn(ProblemCode::CsvColumnHoldsText, table, c)
                        .inFile(table.path)
                        .withValue(table.textColumn[c].text));
    if (problem)
      problem->line = table.textColumn[c].line;
    return std::nullopt;
  };
  const qsizetype byName = table.columnNames.indexOf(nameOrNumber);
  if (byName >= 0 && std::size_t(byName) < table.columns.size())
    return numbersOf(std::size_t(byName));
  bool isNumber = false;
  const qlonglong number = nameOrNumber.trimmed().toLongLong(&isNumber);
  if (isNumber && number >= 1 && std::size_t(number) <= table.columns.size())
    return numbersOf(std::size_t(number - 1));
  QStringList names;
  for (const QString &name : table.columnNames)
    names.append(QLatin1Char('"') + name + QLatin1Char('"'));
  Problem missing(isNumber ? ProblemCode::CsvNoSuchNumberedColumn : ProblemCode::CsvNoSuchNamedColumn);
  if (isNumber)
    missing.column = number;
  else
    missing.field = nameOrNumber;
  report(problem, missing.inFile(table.path)
                      .withValue(names.join(QStringLiteral(", ")))
                      .withLimit(QString::number(table.columnNames.size())));
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
