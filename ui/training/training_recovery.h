#pragma once
// The recovery checkpoint: while a run trains, a checkpoint is written every few minutes — between
// two iterations, by the worker, atomically — to the application's data folder, with a small JSON note of the
// corpus file and iteration beside it. A crash or a kill therefore loses at most those minutes, and the next
// start offers to resume. The files are removed once the user has saved the run or chosen to discard it.
// GUI thread only.
#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>

#include <optional>

namespace lstm {

class TrainingController;

class TrainingRecovery : public QObject {
  Q_OBJECT
public:
  static constexpr int kDefaultIntervalMs = 3 * 60 * 1000;

  struct Pending {
    QString checkpoint;  // the recovery checkpoint
    QString corpusPath;  // the corpus it was trained on
    qint64 iteration = 0;
    QDateTime written;
  };

  TrainingRecovery(TrainingController *controller, QObject *parent = nullptr);

  static QString directory();        // <app data>/recovery
  QString checkpointPath() const;    // where autosaves go
  void setIntervalMs(int ms) { m_timer.setInterval(ms); }
  int intervalMs() const { return m_timer.interval(); }

  // A run started or resumed on this corpus file: autosave from now on.
  void runStarted(const QString &corpusPath);
  void runEnded();                   // no more autosaves (the last one stays until discard())
  void saveNow();                    // one autosave now (also what the timer calls)
  void discard();                    // removes the recovery files: the work is saved elsewhere or not wanted
  // A recovery left by an earlier session that ended without saving; nullopt when there is none or its note
  // is unreadable.
  std::optional<Pending> pending() const;

Q_SIGNALS:
  void saved(qint64 iteration);
  void failed(const QString &error); // "<path>: <problem>"

private:
  QString notePath() const;
  void onCheckpointWritten(const QString &path, qint64 iteration, const QString &error);

  TrainingController *m_controller;
  QTimer m_timer;
  QString m_corpusPath;
};

} // namespace lstm
