#include "model_metadata.h"

#include <QJsonArray>
#include <QJsonValue>

#include <cmath>
#include <limits>
#include <utility>

namespace lstm {

namespace {

// Takes the keys of one JSON object that have the expected type; what it does not take stays in rest(), so a
// struct's `unknown` keeps everything its reader could not use.
class ObjectReader {
public:
  explicit ObjectReader(QJsonObject object) : m_rest(std::move(object)) {}

  QJsonValue peek(const char *key) const { return m_rest.value(QLatin1String(key)); }
  void take(const char *key) { m_rest.remove(QLatin1String(key)); }
  // convert(value of key) → std::optional; the key is taken when it gives a value.
  template <typename Convert> auto takeIf(const char *key, Convert convert) {
    auto value = convert(peek(key));
    if (value)
      take(key);
    return value;
  }

  std::optional<QString> string(const char *key) {
    return takeIf(key, [](const QJsonValue &v) { return v.isString() ? std::optional(v.toString()) : std::nullopt; });
  }
  std::optional<double> number(const char *key) {
    return takeIf(key, [](const QJsonValue &v) { return v.isDouble() ? std::optional(v.toDouble()) : std::nullopt; });
  }
  // A number, or null for NaN (how finiteOrNull() writes "no value").
  std::optional<double> numberOrNull(const char *key) {
    return takeIf(key, [](const QJsonValue &v) {
      return v.isDouble() ? std::optional(v.toDouble()) : v.isNull() ? std::optional(TrainingRecord::kNone) : std::nullopt;
    });
  }
  std::optional<std::int64_t> integer(const char *key) {
    return takeIf(key, [](const QJsonValue &v) -> std::optional<std::int64_t> {
      const double d = v.toDouble();
      if (!v.isDouble() || d != std::floor(d) || std::abs(d) > 9.0e18)
        return std::nullopt;
      return v.toInteger(std::int64_t(v.toDouble()));
    });
  }
  std::optional<QJsonObject> object(const char *key) {
    return takeIf(key, [](const QJsonValue &v) { return v.isObject() ? std::optional(v.toObject()) : std::nullopt; });
  }

  const QJsonObject &rest() const { return m_rest; }

private:
  QJsonObject m_rest;
};

QJsonValue finiteOrNull(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(); }

const QJsonArray &historyColumns() {
  static const QJsonArray columns{QStringLiteral("iteration"), QStringLiteral("epoch"), QStringLiteral("train_loss"),
                                  QStringLiteral("validation_loss")};
  return columns;
}

// [[iteration, epoch, train loss, validation loss or null], …]; nullopt when any entry has another shape.
std::optional<std::vector<HistoryPoint>> readHistory(const QJsonValue &value) {
  if (!value.isArray())
    return std::nullopt;
  std::vector<HistoryPoint> history;
  for (const QJsonValue &entry : value.toArray()) {
    const QJsonArray point = entry.toArray();
    if (point.size() != 4 || !point[0].isDouble() || !point[1].isDouble() || !point[2].isDouble() ||
        !(point[3].isDouble() || point[3].isNull()))
      return std::nullopt;
    history.push_back({point[0].toInteger(), point[1].toDouble(), point[2].toDouble(),
                       point[3].isNull() ? TrainingRecord::kNone : point[3].toDouble()});
  }
  return history;
}

SeriesRecord readSeries(const QJsonObject &json, Problem *problem) {
  ObjectReader in(json);
  SeriesRecord series;
  // QJsonValue turns NaN and infinity into null, so a non-finite number arrives here as "not a number".
  const QJsonValue mean = in.peek("mean"), stddev = in.peek("stddev");
  if (!mean.isDouble() || !std::isfinite(mean.toDouble())) {
    report(problem, Problem(ProblemCode::SeriesScalingNoMean));
  } else if (!stddev.isDouble() || !std::isfinite(stddev.toDouble()) || !(stddev.toDouble() > 0.0)) {
    report(problem, Problem(ProblemCode::SeriesScalingNoStddev));
  } else {
    series.scaling = SeriesScaling{mean.toDouble(), stddev.toDouble()};
    in.take("mean");
    in.take("stddev");
  }
  series.column = in.string("column").value_or(QString());
  series.source = in.string("source").value_or(QString());
  series.validationStart = in.integer("validation_start");
  if (const auto generator = in.string("generator")) {
    series.generator = *generator;
    series.seed = std::uint64_t(in.integer("seed").value_or(0));
    series.length = in.integer("length").value_or(0);
  }
  series.path = in.string("path").value_or(QString());
  series.unknown = in.rest();
  return series;
}

TrainingRecord readTraining(const QJsonObject &json) {
  ObjectReader in(json);
  TrainingRecord training;
  training.corpus = in.string("corpus").value_or(QString());
  training.corpusSha256 = in.string("corpus_sha256").value_or(QString()).toLatin1();
  training.corpusCharacters = in.integer("corpus_characters").value_or(0);
  training.trainCharacters = in.integer("train_characters").value_or(0);
  training.corpusFormat = in.string("corpus_format").value_or(QString());
  // Settings are taken only when they read back exactly, so nothing of a file's settings is ever lost.
  const QJsonObject settings = in.peek("settings").toObject();
  TrainerConfig config;
  if (TrainerConfig::fromJson(settings, config, nullptr) && config.toJson() == settings) {
    training.settings = config;
    in.take("settings");
  }
  training.iterations = in.integer("iterations").value_or(0);
  training.epochs = in.number("epochs").value_or(0.0);
  training.bestValidationLoss = in.numberOrNull("best_validation_loss").value_or(TrainingRecord::kNone);
  training.bestIteration = in.integer("best_iteration").value_or(-1);
  QJsonObject otherBaselines; // keys of "baselines" besides these two, kept in `unknown`
  if (const auto stored = in.object("baselines")) {
    ObjectReader baselines(*stored);
    training.unigramBaseline = baselines.numberOrNull("unigram").value_or(TrainingRecord::kNone);
    training.bigramBaseline = baselines.numberOrNull("bigram").value_or(TrainingRecord::kNone);
    otherBaselines = baselines.rest();
  }
  const QJsonValue columns = in.peek("history_columns");
  if (columns.isUndefined() || columns.toArray() == historyColumns()) {
    if (auto history = readHistory(in.peek("history"))) {
      training.history = std::move(*history);
      in.take("history");
      in.take("history_columns");
    }
  }
  training.unknown = in.rest();
  if (!otherBaselines.isEmpty())
    training.unknown[QStringLiteral("baselines")] = otherBaselines;
  return training;
}

} // namespace

std::optional<ExampleLesson> readExampleLesson(const QJsonObject &json, Problem *problem) {
  const auto fail = [&](Problem what) -> std::optional<ExampleLesson> {
    report(problem, std::move(what));
    return std::nullopt;
  };
  ObjectReader in(json);
  ExampleLesson lesson;
  lesson.title = in.string("title").value_or(QString());
  if (lesson.title.isEmpty())
    return fail(Problem(ProblemCode::ExampleLessonNoTitle));
  lesson.summary = in.string("summary").value_or(QString());
  lesson.primer = in.string("primer").value_or(QString());
  lesson.feature = in.string("feature").value_or(QString());
  lesson.correlation = in.number("correlation").value_or(0.0);
  lesson.command = in.string("command").value_or(QString());
  const bool hasLayer = json.contains(QStringLiteral("layer")), hasUnit = json.contains(QStringLiteral("unit"));
  if (hasLayer != hasUnit)
    return fail(Problem(ProblemCode::ExampleLessonHalfUnit));
  if (hasUnit) {
    const std::int64_t layer = in.integer("layer").value_or(-1), unit = in.integer("unit").value_or(-1);
    if (layer < 0 || unit < 0 || layer > std::numeric_limits<int>::max() || unit > std::numeric_limits<int>::max())
      return fail(Problem(ProblemCode::ExampleLessonNegativeUnit));
    lesson.layer = int(layer);
    lesson.unit = int(unit);
    const QString quantity = in.string("quantity").value_or(QStringLiteral("c"));
    if (!parseQuantity(quantity, lesson.quantity))
      return fail(Problem(ProblemCode::ExampleLessonQuantity).withValue(quantity));
  }
  lesson.unknown = in.rest();
  return lesson;
}

QJsonObject toJson(const ExampleLesson &lesson) {
  QJsonObject json = lesson.unknown;
  json[QStringLiteral("title")] = lesson.title;
  json[QStringLiteral("summary")] = lesson.summary;
  json[QStringLiteral("primer")] = lesson.primer;
  if (lesson.hasUnit()) {
    json[QStringLiteral("layer")] = lesson.layer;
    json[QStringLiteral("unit")] = lesson.unit;
    json[QStringLiteral("quantity")] = QLatin1String(toString(lesson.quantity));
  }
  if (!lesson.feature.isEmpty())
    json[QStringLiteral("feature")] = lesson.feature;
  if (lesson.correlation != 0.0)
    json[QStringLiteral("correlation")] = lesson.correlation;
  if (!lesson.command.isEmpty())
    json[QStringLiteral("command")] = lesson.command;
  return json;
}

QJsonObject toJson(const SeriesRecord &series) {
  QJsonObject json = series.unknown;
  if (series.scaling) {
    json[QStringLiteral("mean")] = series.scaling->mean;
    json[QStringLiteral("stddev")] = series.scaling->stddev;
  }
  json[QStringLiteral("column")] = series.column;
  json[QStringLiteral("source")] = series.source;
  if (series.validationStart)
    json[QStringLiteral("validation_start")] = qint64(*series.validationStart);
  if (!series.generator.isEmpty()) {
    json[QStringLiteral("generator")] = series.generator;
    json[QStringLiteral("seed")] = qint64(series.seed);
    json[QStringLiteral("length")] = qint64(series.length);
  } else {
    json[QStringLiteral("path")] = series.path;
  }
  return json;
}

QJsonObject toJson(const TrainingRecord &training) {
  QJsonObject json = training.unknown;
  json[QStringLiteral("corpus")] = training.corpus;
  json[QStringLiteral("corpus_sha256")] = QString::fromLatin1(training.corpusSha256);
  json[QStringLiteral("corpus_characters")] = qint64(training.corpusCharacters);
  json[QStringLiteral("corpus_format")] = training.corpusFormat;
  json[QStringLiteral("train_characters")] = qint64(training.trainCharacters);
  if (training.settings)
    json[QStringLiteral("settings")] = training.settings->toJson();
  json[QStringLiteral("iterations")] = qint64(training.iterations);
  json[QStringLiteral("epochs")] = training.epochs;
  json[QStringLiteral("best_validation_loss")] = finiteOrNull(training.bestValidationLoss);
  json[QStringLiteral("best_iteration")] = qint64(training.bestIteration);
  QJsonObject baselines = training.unknown.value(QStringLiteral("baselines")).toObject();
  baselines[QStringLiteral("unigram")] = finiteOrNull(training.unigramBaseline);
  baselines[QStringLiteral("bigram")] = finiteOrNull(training.bigramBaseline);
  json[QStringLiteral("baselines")] = baselines;
  QJsonArray history;
  for (const HistoryPoint &p : training.history)
    history.append(QJsonArray{qint64(p.iteration), p.epoch, p.trainLoss, finiteOrNull(p.validationLoss)});
  json[QStringLiteral("history_columns")] = historyColumns();
  json[QStringLiteral("history")] = history;
  return json;
}

ModelMetadata readMetadata(const QJsonObject &json) {
  ObjectReader in(json);
  ModelMetadata metadata;
  const QJsonValue series = in.peek("series");
  if (series.isObject()) {
    metadata.series = readSeries(series.toObject(), &metadata.seriesProblem);
    in.take("series");
  } else if (!series.isUndefined() && !series.isNull()) {
    metadata.seriesProblem = Problem(ProblemCode::SeriesScalingNotObject);
  }
  if (const auto training = in.object("training"))
    metadata.training = readTraining(*training);
  const QJsonValue lesson = in.peek("lesson");
  if (lesson.isObject()) {
    metadata.lesson = readExampleLesson(lesson.toObject(), &metadata.lessonProblem);
    if (metadata.lesson)
      in.take("lesson");
  }
  metadata.description = in.string("description").value_or(QString());
  metadata.sourceFile = in.string("source_file").value_or(QString());
  metadata.importedFrom = in.string("imported_from").value_or(QString());
  metadata.unknown = in.rest();
  return metadata;
}

QJsonObject toJson(const ModelMetadata &metadata) {
  QJsonObject json = metadata.unknown;
  if (metadata.series)
    json[QStringLiteral("series")] = toJson(*metadata.series);
  if (metadata.training)
    json[QStringLiteral("training")] = toJson(*metadata.training);
  if (metadata.lesson)
    json[QStringLiteral("lesson")] = toJson(*metadata.lesson);
  if (!metadata.description.isEmpty())
    json[QStringLiteral("description")] = metadata.description;
  if (!metadata.sourceFile.isEmpty())
    json[QStringLiteral("source_file")] = metadata.sourceFile;
  if (!metadata.importedFrom.isEmpty())
    json[QStringLiteral("imported_from")] = metadata.importedFrom;
  return json;
}

} // namespace lstm
