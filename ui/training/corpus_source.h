#pragma once
// Where training text comes from (issue #5): the Debian fortune corpora found on this machine, and a loader
// that reads and normalises a corpus and computes its count-based baselines off the GUI thread.
// CorpusLoader: public methods GUI thread only; its signals are emitted on the GUI thread.
#include "data/corpus.h"
#include "train/baselines.h"

#include <QList>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class QThread;

namespace lstm {

struct CorpusChoice {
  QString label; // e.g. "Tang poems (tang300)"
  QString path;  // absolute path of an existing file
};

// The known Debian fortune corpora (fortunes-zh, fortunes-min, …) that exist on disk, in a fixed order.
QList<CorpusChoice> availableCorpora();

class CorpusLoader : public QObject {
  Q_OBJECT
public:
  explicit CorpusLoader(QObject *parent = nullptr);
  ~CorpusLoader() override; // cancels a running load and waits for its worker

  // Starts loading `path` on a worker thread; a load still running is cancelled first (its result never arrives).
  void load(const QString &path, const CorpusOptions &options = {});
  // Abandons the running load: neither loaded() nor failed() follows for it. No-op when idle.
  void cancel();
  bool isLoading() const { return m_worker != nullptr; }

Q_SIGNALS:
  // Bytes read so far of the file's size, after each read chunk.
  void progress(qint64 done, qint64 total);
  // The corpus and its unigram/bigram losses on (up to 2^20 characters of) the validation tail.
  void loaded(std::shared_ptr<const lstm::Corpus> corpus, const lstm::Baselines &baselines);
  // "<path>: <problem>" from loadCorpus (unreadable, invalid UTF-8, empty, …).
  void failed(const QString &message);

private:
  void stopWorker(); // cancels and joins the current worker, if any
  void finishWorker();

  QThread *m_worker = nullptr;
  std::shared_ptr<std::atomic<bool>> m_cancel; // one flag per load, shared with its worker
  quint64 m_generation = 0;                    // results of older loads carry a smaller number and are dropped
};

} // namespace lstm
