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

void failure(const QString &name, const QString &problem, QString *error) {
  if (error)
    *error = QStringLiteral("%1: %2").arg(name, problem);
}

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
                                       const CorpusOptions &options, QString *error) {
  if (!(options.validationFraction >= 0.0 && options.validationFraction <= 0.9)) {
    failure(name, QStringLiteral("the validation fraction must lie between 0 and 0.9"), error);
    return std::nullopt;
  }
  const auto count = std::int64_t(values.size());
  if (count < kMinSeriesLength || count > kMaxSeriesLength) {
    failure(name, QStringLiteral("the series \"%1\" has %2 values; a model needs between %3 and %4")
                      .arg(column).arg(count).arg(kMinSeriesLength).arg(kMaxSeriesLength), error);
    return std::nullopt;
  }
  for (std::int64_t i = 0; i < count; ++i)
    if (!std::isfinite(values[std::size_t(i)])) {
      failure(name, QStringLiteral("value %1 of the series \"%2\" is %3, not a finite number")
                        .arg(i + 1).arg(column).arg(values[std::size_t(i)]), error);
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
                                       const CorpusOptions &options, QString *error, const CorpusProgress &progress) {
  const auto table = loadCsv(path, csv, error, progress);
  if (!table)
    return std::nullopt;
  const auto values = csvColumn(*table, column, error);
  if (!values)
    return std::nullopt;
  const int index = int(table->columnNames.indexOf(column));
  const QString name = index >= 0 ? column : table->columnNames.value(column.toInt() - 1, column);
  auto corpus = corpusFromSeries(*values, path, name, options, error);
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

std::optional<std::vector<double>> seriesValuesOf(const SeriesRecord &series, QString *error) {
  if (!series.generator.isEmpty()) {
    const std::string id = series.generator.toStdString();
    if (!isSeriesGenerator(id) || series.length < kMinSeriesLength || series.length > kMaxGeneratedLength) {
      if (error)
        *error = QStringLiteral("the model's series generator \"%1\" of length %2 is unknown")
                     .arg(series.generator).arg(series.length);
      return std::nullopt;
    }
    return generatedValues(id, series.length, series.seed);
  }
  if (series.path.isEmpty()) {
    if (error)
      *error = QStringLiteral("the model does not say where its series came from");
    return std::nullopt;
  }
  const auto table = loadCsv(series.path, CsvOptions{}, error);
  if (!table)
    return std::nullopt;
  return csvColumn(*table, series.column, error);
}

bool isSeriesGenerator(std::string_view id) { return id == "sines" || id == "seasonal" || id == "mackey-glass"; }

std::optional<Corpus> generatedSeriesCorpus(std::string_view id, std::int64_t length, std::uint64_t seed,
                                            const CorpusOptions &options, QString *error) {
  const QString name = QString::fromUtf8(id.data(), qsizetype(id.size()));
  if (!isSeriesGenerator(id)) {
    failure(name, QStringLiteral("not a series generator; use sines, seasonal or mackey-glass"), error);
    return std::nullopt;
  }
  if (length < kMinSeriesLength || length > kMaxGeneratedLength) {
    failure(name, QStringLiteral("a generated series must have between %1 and %2 values, not %3")
                      .arg(kMinSeriesLength).arg(kMaxGeneratedLength).arg(length), error);
    return std::nullopt;
  }
  const std::vector<double> values = generatedValues(id, length, seed);
  auto corpus = corpusFromSeries(values, name, name, options, error);
  if (corpus) {
    corpus->name = QStringLiteral("%1 (seed %2)").arg(name).arg(seed);
    corpus->generated = Corpus::Generated{std::string(id), seed, length};
  }
  return corpus;
}

} // namespace lstm
