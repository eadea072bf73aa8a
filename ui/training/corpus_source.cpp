#include "corpus_source.h"

#include "common/problem_text.h"
#include "data/generators.h"
#include "data/series_corpus.h"
#include "train/trainer_config.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace lstm {

namespace {
// The generators' titles live in core/ (English); listed here so lupdate offers them for generatorTitle().
[[maybe_unused]] constexpr const char *kGeneratorTitles[] = {
    QT_TRANSLATE_NOOP("CorpusSource", "Balanced brackets"),
    QT_TRANSLATE_NOOP("CorpusSource", "Deeply nested parentheses"),
    QT_TRANSLATE_NOOP("CorpusSource", "Quoted strings"),
    QT_TRANSLATE_NOOP("CorpusSource", "Embedded Reber grammar"),
    QT_TRANSLATE_NOOP("CorpusSource", "aⁿbⁿ counting"),
    QT_TRANSLATE_NOOP("CorpusSource", "Copy after a delay"),
    QT_TRANSLATE_NOOP("CorpusSource", "Adding problem (digits)"),
    QT_TRANSLATE_NOOP("CorpusSource", "Sine mixture"),
    QT_TRANSLATE_NOOP("CorpusSource", "Seasonal series"),
    QT_TRANSLATE_NOOP("CorpusSource", "Mackey–Glass series"),
};
} // namespace

QList<CorpusChoice> availableCorpora() {
  const QString dir = QStringLiteral("/usr/share/games/fortunes/");
  const struct {
    const char *title;
    const char *file;
  } known[] = {
      {QT_TRANSLATE_NOOP("CorpusSource", "Tang poems"), "tang300"},
      {QT_TRANSLATE_NOOP("CorpusSource", "Song lyrics"), "song100"},
      {QT_TRANSLATE_NOOP("CorpusSource", "Chinese fortunes"), "chinese"},
      {QT_TRANSLATE_NOOP("CorpusSource", "Literature quotes"), "literature"},
      {QT_TRANSLATE_NOOP("CorpusSource", "Riddles"), "riddles"},
      {QT_TRANSLATE_NOOP("CorpusSource", "Fortunes"), "fortunes"},
  };
  QList<CorpusChoice> choices;
  for (const auto &entry : known) {
    const QString file = QString::fromLatin1(entry.file);
    const QString path = dir + file;
    if (!QFileInfo(path).isFile())
      continue;
    const QString title = QCoreApplication::translate("CorpusSource", entry.title);
    choices.append({QStringLiteral("%1 (%2)").arg(title, file), path});
  }
  return choices;
}

QString generatorTitle(const QString &id) {
  for (const GeneratorInfo &info : availableGenerators())
    if (id == QLatin1String(info.id))
      return QCoreApplication::translate("CorpusSource", info.title);
  return id;
}

bool isSeriesGeneratorId(const QString &id) { return isSeriesGenerator(id.toStdString()); }

// ---- CorpusSource -----------------------------------------------------------------------------------------------

CorpusSource CorpusSource::textFile(const QString &path) {
  CorpusSource source;
  source.path = path;
  return source;
}

CorpusSource CorpusSource::generated(const QString &id, qint64 length, quint64 seed) {
  CorpusSource source;
  source.kind = Kind::Generated;
  source.generator = id;
  source.length = length;
  source.seed = seed;
  return source;
}

CorpusSource CorpusSource::csvColumn(const QString &path, const QString &column) {
  CorpusSource source;
  source.kind = Kind::CsvColumn;
  source.path = path;
  source.column = column;
  return source;
}

QString CorpusSource::toString() const {
  QJsonObject object;
  switch (kind) {
  case Kind::File:
    return path;
  case Kind::Generated:
    object = {{QStringLiteral("generator"), generator},
              {QStringLiteral("length"), length},
              {QStringLiteral("seed"), QString::number(seed)}}; // as text: JSON numbers lose 64-bit seeds
    break;
  case Kind::CsvColumn:
    object = {{QStringLiteral("csv"), path}, {QStringLiteral("column"), column}};
    break;
  }
  return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

CorpusSource CorpusSource::fromString(const QString &text) {
  CorpusSource source;
  source.path = text;
  if (!text.startsWith(QLatin1Char('{')))
    return source;
  const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
  if (object.contains(QStringLiteral("generator"))) {
    source.kind = Kind::Generated;
    source.path.clear();
    source.generator = object.value(QStringLiteral("generator")).toString();
    source.length = object.value(QStringLiteral("length")).toInteger();
    source.seed = object.value(QStringLiteral("seed")).toString().toULongLong();
  } else if (object.contains(QStringLiteral("csv"))) {
    source.kind = Kind::CsvColumn;
    source.path = object.value(QStringLiteral("csv")).toString();
    source.column = object.value(QStringLiteral("column")).toString();
  }
  return source;
}

QString CorpusSource::describe() const {
  switch (kind) {
  case Kind::Generated:
    return (isSeriesGeneratorId(generator) ? QCoreApplication::translate("CorpusSource", "%1 (seed %2, %3 values)")
                                           : QCoreApplication::translate("CorpusSource", "%1 (seed %2, %3 characters)"))
        .arg(generatorTitle(generator))
        .arg(seed)
        .arg(length);
  case Kind::CsvColumn:
    return QCoreApplication::translate("CorpusSource", "%1, column %2").arg(QFileInfo(path).fileName(), column);
  case Kind::File:
    break;
  }
  return QFileInfo(path).fileName();
}

// ---- CorpusLoader -----------------------------------------------------------------------------------------------

CorpusLoader::CorpusLoader(QObject *parent) : QObject(parent) {
  qRegisterMetaType<std::shared_ptr<const lstm::Corpus>>();
  qRegisterMetaType<std::shared_ptr<const lstm::CsvTable>>();
  qRegisterMetaType<lstm::Baselines>();
}

void CorpusLoader::load(const QString &path, const CorpusOptions &options) {
  startJob([path, options](const CorpusProgress &progress) {
    Problem problem;
    std::optional<Corpus> corpus = loadCorpus(path, options, &problem, progress);
    return corpusOutcome(std::move(corpus), problemText(problem));
  });
}

void CorpusLoader::generate(const QString &id, qint64 length, quint64 seed, const CorpusOptions &options) {
  startJob([id, length, seed, options](const CorpusProgress &) {
    const std::string key = id.toStdString();
    const QString title = generatorTitle(id);
    Problem problem;
    std::optional<Corpus> corpus;
    if (isSeriesGenerator(key)) {
      corpus = generatedSeriesCorpus(key, length, seed, options, &problem);
    } else if (const auto text = generateText(key, length, seed, &problem)) {
      corpus = corpusFromText(*text, title, options, &problem);
      if (corpus)
        corpus->generated = Corpus::Generated{key, seed, length};
    } else {
      problem.inFile(title);
    }
    if (corpus) // the title rather than the id: this is what the panel, the timeline and saved models show
      corpus->name = QStringLiteral("%1 (seed %2)").arg(title).arg(seed);
    return corpusOutcome(std::move(corpus), problemText(problem));
  });
}

void CorpusLoader::readCsv(const QString &path, const CsvOptions &csv) {
  startJob([path, csv](const CorpusProgress &progress) {
    Outcome outcome;
    Problem problem;
    std::optional<CsvTable> table = loadCsv(path, csv, &problem, progress);
    if (!table)
      outcome.error = problemText(problem);
    if (table) {
      // The panel needs names and kinds only: the values are read again for the chosen column.
      table->columns.clear();
      outcome.table = std::make_shared<const CsvTable>(std::move(*table));
    }
    return outcome;
  });
}

void CorpusLoader::loadSeries(const QString &path, const QString &column, const CsvOptions &csv,
                              const CorpusOptions &options) {
  startJob([path, column, csv, options](const CorpusProgress &progress) {
    Problem problem;
    std::optional<Corpus> corpus = loadSeriesCorpus(path, column, csv, options, &problem, progress);
    return corpusOutcome(std::move(corpus), problemText(problem));
  });
}

// Worker side: the corpus's baselines, or `error` when there is no corpus.
CorpusLoader::Outcome CorpusLoader::corpusOutcome(std::optional<Corpus> corpus, const QString &error) {
  Outcome outcome;
  if (!corpus) {
    outcome.error = error;
    return outcome;
  }
  // Scored on the same held-out part the trainer uses by default, so the curves and baselines agree.
  const std::int64_t evalLength =
      std::min<std::int64_t>(corpus->size() - corpus->trainSize, TrainerConfig{}.maxEvalTokens);
  outcome.baselines =
      corpus->isSeries()
          ? computeSeriesBaselines(corpus->trainValues(), corpus->validationValues().first(std::size_t(evalLength)))
          : computeBaselines(corpus->train(), corpus->validation().first(std::size_t(evalLength)),
                             corpus->vocabulary.size());
  outcome.corpus = std::make_shared<const Corpus>(std::move(*corpus));
  return outcome;
}

void CorpusLoader::startJob(Work work) {
  m_job.start(
      [work = std::move(work)](const JobControl<LoadProgress> &control) {
        const CorpusProgress progress = [&control](std::int64_t done, std::int64_t total) {
          control.report({done, total});
          return !control.cancelled(); // the core's loaders stop after the current chunk
        };
        return work(progress);
      },
      [this](const Outcome &outcome) { deliver(outcome); },
      [this](const LoadProgress &step) { Q_EMIT progress(step.done, step.total); });
}

void CorpusLoader::deliver(const Outcome &outcome) {
  if (outcome.corpus)
    Q_EMIT loaded(outcome.corpus, outcome.baselines);
  else if (outcome.table)
    Q_EMIT csvRead(outcome.table);
  else
    Q_EMIT failed(outcome.error);
}

void CorpusLoader::cancel() { m_job.cancel(); }

} // namespace lstm
