#include "series_corpus.h"

#include "generators.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QtEndian>

#include <bit>
#include <cmath>

namespace lstm {

namespace {
constexpr std::int64_t kMaxGeneratedLength = std::int64_t(1) << 24;


// Precondition: isSeriesGenerator(id), length within the generators' limits.
std::vector<double> generatedValues(std::string_view id, std::int64_t length, std::uint64_t seed) {
  std::vector<double> values;
  if (id == "sines") {
    SineOptions o;
    o.length = int(length);
    values = generateSines(o, seed).values;
  } else if (id == "seasonal") {
    SeasonalOptions o;
    o.length = int(length);
    values = generateSeasonal(o, seed).values;
  } else {
    MackeyGlassOptions o;
    o.length = int(length);
    values = generateMackeyGlass(o, seed).values;
  }
  return values;
}

} // namespace

std::optional<Corpus> corpusFromSeries(std::span<const double> values, const QString &name, const QString &column,
                                       const CorpusOptions &options, Problem *problem) {
  if (!(options.validationFraction >= 0.0 && options.validationFraction <= 0.9)) {
    report(problem, Problem(ProblemCode::SeriesValidationFraction).inFile(name));
    return std::nullopt;
  }
  const auto count = std::int64_t(values.size());
  if (count < kMinSeriesLength || count > kMaxSeriesLength) {
    report(problem, Problem(ProblemCode::SeriesLength, {QString::number(kMinSeriesLength)})
                        .inFile(name)
                        .withField(column)
                        .withValue(QString::number(count))
                        .withLimit(QString::number(kMaxSeriesLength)));
    return std::nullopt;
  }
  for (std::int64_t i = 0; i < count; ++i)
    if (!std::isfinite(values[std::size_t(i)])) {
      report(problem, Problem(ProblemCode::SeriesNotFinite, {QString::number(i + 1)})
                          .inFile(name)
                          .withField(column)
                          .withValue(QString::number(values[std::size_t(i)])));
      return std::nullopt;
    }
  Corpus corpus;
  corpus.name = name;
  corpus.column = column;
  const auto held = std::int64_t(std::llround(double(count) * options.validationFraction));
  corpus.trainSize = count - held;
  corpus.scaling = SeriesScaling::fit(values.first(std::size_t(corpus.trainSize)));
  corpus.series.resize(values.size());
  for (std::size_t i = 0; i < values.size(); ++i)
    corpus.series[i] = float(corpus.scaling.apply(values[i]));

  QCryptographicHash hash(QCryptographicHash::Sha256);
  for (const double v : values) {
    const quint64 bits = qToLittleEndian(std::bit_cast<quint64>(v));
    hash.addData(QByteArrayView(reinterpret_cast<const char *>(&bits), sizeof bits));
  }
  hash.addData(column.toUtf8());
  corpus.sha256 = hash.result().toHex();
  corpus.fileBytes = count * std::int64_t(sizeof(double));
  return corpus;
}

std::optional<Corpus> loadSeriesCorpus(const QString &path, const QString &column, const CsvOptions &csv,
                                       const CorpusOptions &options, Problem *problem, const CorpusProgress &progress) {
  const auto table = loadCsv(path, csv, problem, progress);
  if (!table)
    return std::nullopt;
  const auto values = csvColumn(*table, column, problem);
  if (!values)
    return std::nullopt;
  const int index = int(table->columnNames.indexOf(column));
  const QString name = index >= 0 ? column : table->columnNames.value(column.toInt() - 1, column);
  auto corpus = corpusFromSeries(*values, path, name, options, problem);
  if (!corpus)
    return std::nullopt;
  corpus->name = QFileInfo(path).fileName();
  corpus->path = path;
  corpus->fileBytes = QFileInfo(path).size();
  return corpus;
}

SeriesRecord seriesRecordOf(const Corpus &corpus) {
  SeriesRecord series;
  series.scaling = corpus.scaling;
  series.column = corpus.column;
  series.source = corpus.name;
  series.validationStart = corpus.trainSize;
  if (corpus.generated) {
    series.generator = QString::fromStdString(corpus.generated->id);
    series.seed = corpus.generated->seed;
    series.length = corpus.generated->length;
  } else {
    series.path = corpus.path;
  }
  return series;
}

std::optional<std::vector<double>> seriesValuesOf(const SeriesRecord &series, Problem *problem) {
  if (!series.generator.isEmpty()) {
    const std::string id = series.generator.toStdString();
    if (!isSeriesGenerator(id) || series.length < kMinSeriesLength || series.length > kMaxGeneratedLength) {
      report(problem, Problem(ProblemCode::SeriesUnknownGenerator).withField(series.generator).withValue(QString::number(series.length)));
      return std::nullopt;
    }
    return generatedValues(id, series.length, series.seed);
  }
  if (series.path.isEmpty()) {
    report(problem, Problem(ProblemCode::SeriesNoSource));
    return std::nullopt;
  }
  const auto table = loadCsv(series.path, CsvOptions{}, problem);
  if (!table)
    return std::nullopt;
  return csvColumn(*table, series.column, problem);
}

bool isSeriesGenerator(std::string_view id) { return id == "sines" || id == "seasonal" || id == "mackey-glass"; }

std::optional<Corpus> generatedSeriesCorpus(std::string_view id, std::int64_t length, std::uint64_t seed,
                                            const CorpusOptions &options, Problem *problem) {
  const QString name = QString::fromUtf8(id.data(), qsizetype(id.size()));
  if (!isSeriesGenerator(id)) {
    report(problem, Problem(ProblemCode::SeriesNotAGenerator).inFile(name));
    return std::nullopt;
  }
  if (length < kMinSeriesLength || length > kMaxGeneratedLength) {
    report(problem, Problem(ProblemCode::SeriesGeneratedLength, {QString::number(kMinSeriesLength)})
                        .inFile(name)
                        .withValue(QString::number(length))
                        .withLimit(QString::number(kMaxGeneratedLength)));
    return std::nullopt;
  }
  const std::vector<double> values = generatedValues(id, length, seed);
  auto corpus = corpusFromSeries(values, name, name, options, problem);
  if (corpus) {
    corpus->name = QStringLiteral("%1 (seed %2)").arg(name).arg(seed);
    corpus->generated = Corpus::Generated{std::string(id), seed, length};
  }
  return corpus;
}

} // namespace lstm
