#include "corpus_source.h"

#include "train/trainer_config.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QThread>

#include <algorithm>

namespace lstm {

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

CorpusLoader::CorpusLoader(QObject *parent) : QObject(parent) {
  qRegisterMetaType<std::shared_ptr<const lstm::Corpus>>();
  qRegisterMetaType<lstm::Baselines>();
}

CorpusLoader::~CorpusLoader() { stopWorker(); }

void CorpusLoader::load(const QString &path, const CorpusOptions &options) {
  stopWorker();
  const quint64 generation = ++m_generation;
  auto cancelFlag = std::make_shared<std::atomic<bool>>(false);
  m_cancel = cancelFlag;
  m_worker = QThread::create([this, path, options, cancelFlag, generation] {
    const auto reportProgress = [this, cancelFlag, generation](std::int64_t done, std::int64_t total) {
      const qint64 d = done, t = total;
      QMetaObject::invokeMethod(this, [this, generation, d, t] {
        if (generation == m_generation)
          Q_EMIT progress(d, t);
      }, Qt::QueuedConnection);
      return !cancelFlag->load();
    };
    QString error;
    std::optional<Corpus> corpus = loadCorpus(path, options, &error, reportProgress);
    if (cancelFlag->load())
      return;
    if (!corpus) {
      QMetaObject::invokeMethod(this, [this, generation, error] {
        if (generation != m_generation)
          return;
        finishWorker();
        Q_EMIT failed(error);
      }, Qt::QueuedConnection);
      return;
    }
    // Scored on the same held-out text the trainer uses by default, so the curves and baselines agree.
    const std::int64_t evalLength =
        std::min<std::int64_t>(std::int64_t(corpus->validation().size()), TrainerConfig{}.maxEvalTokens);
    const Baselines baselines = computeBaselines(corpus->train(), corpus->validation().first(std::size_t(evalLength)),
                                                 corpus->vocabulary.size());
    auto shared = std::make_shared<const Corpus>(std::move(*corpus));
    QMetaObject::invokeMethod(this, [this, generation, shared, baselines] {
      if (generation != m_generation)
        return;
      finishWorker();
      Q_EMIT loaded(shared, baselines);
    }, Qt::QueuedConnection);
  });
  m_worker->start();
}

void CorpusLoader::cancel() {
  stopWorker();
  ++m_generation;
}

void CorpusLoader::stopWorker() {
  if (!m_worker)
    return;
  m_cancel->store(true); // loadCorpus stops after the current chunk
  finishWorker();
}

void CorpusLoader::finishWorker() {
  m_worker->wait();
  delete m_worker;
  m_worker = nullptr;
  m_cancel.reset();
}

} // namespace lstm
