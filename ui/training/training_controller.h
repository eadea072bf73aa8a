#pragma once
// The only object that touches a Trainer in the GUI. It runs the trainer on its own worker thread and
// hands the GUI copies: progress (throttled to ~30 a second, every evaluation always delivered) and weight
// snapshots every K iterations, through queued signals. Pause blocks the worker between two iterations, so a
// paused run resumes exactly where it stopped; stop cancels within one time step.
// Public methods: GUI thread only. Signals are delivered on the GUI thread.
#include "train/trainer.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>

class QThread;

namespace lstm {

class TrainingController : public QObject {
  Q_OBJECT
public:
  enum class State { Idle, Running, Paused };
  Q_ENUM(State)

  explicit TrainingController(QObject *parent = nullptr);
  ~TrainingController() override; // stops a run and waits for the worker

  // Starts a new run: the worker builds the trainer (started() when it has) and trains. Refuses (false,
  // nothing started) with one sentence when a run is active or the configuration is impossible for this corpus
  // (config.validate). The previous run's trainer is dropped.
  bool start(std::shared_ptr<const Corpus> corpus, const TrainerConfig &config, QString *error);
  // Continues a checkpoint to its own planned length, or to totalIterations when that is longer. Refuses when a
  // run is active;
  // the checkpoint's own problems (wrong corpus, damaged file) arrive as startFailed naming the file.
  bool resumeCheckpoint(std::shared_ptr<const Corpus> corpus, const QString &path, QString *error,
                        std::int64_t totalIterations = 0);
  void pause();  // the worker stops after the current iteration; stateChanged(Paused) when it has
  void resume(); // continues a paused run
  void stop();   // cancels; finished(Cancelled, …) follows
  // Stops and waits for the worker (at most one time step), delivering its last notices — finished() included —
  // before returning: the weights are then those of the last complete iteration, ready to save. For quitting.
  void stopAndWait();

  State state() const { return m_state; }
  // A trainer exists: from started() on, and after the run ended (to save it).
  bool hasTrainer() const { return m_trainer != nullptr; }
  // Copies the weights every `iterations` (0: never) and at every evaluation, delivered by snapshot(); the
  // untrained weights come first. Takes effect from the next iteration.
  void setSnapshotEvery(int iterations) { m_snapshotEvery.store(iterations); }
  // Asks for one snapshot of the weights as soon as the current iteration ends (a running run), so "explore
  // the weights now" does not wait for the next K. Paused or ended runs: use modelCopy().
  void requestSnapshot() { m_snapshotRequested.store(true); }
  // Writes a checkpoint to `path` without interrupting the run: the worker saves it between two iterations
  // (paused and ended runs save at once). checkpointWritten follows either way. For the recovery autosave.
  void requestCheckpoint(const QString &path);

  // Saves while paused or after the run ended (never while the worker is mid-iteration): false otherwise or on
  // failure, with "<path>: <problem>".
  bool saveModel(const QString &path, QString *error);
  bool saveCheckpoint(const QString &path, QString *error);
  // A copy of the current weights (paused or ended runs only; nullptr otherwise).
  std::shared_ptr<const Model> modelCopy();
  // The run's settings (a resumed run: the checkpoint's). Precondition: hasTrainer().
  const TrainerConfig &config() const { return m_trainer->config(); }
  const Baselines *baselines() const { return m_trainer ? &m_trainer->baselines() : nullptr; }
  // The loss history a resumed checkpoint brought with it (empty for a new run), to redraw its curves.
  const std::vector<HistoryPoint> &resumedHistory() const { return m_resumedHistory; }
  // Iterations done by the current trainer: the last progress delivered (0 before the first).
  qint64 iteration() const { return m_iteration; }

Q_SIGNALS:
  void started();                       // the trainer exists: config(), resumedHistory(), iteration() are set
  void startFailed(const QString &error); // the checkpoint could not be resumed ("<path>: <problem>"); Idle again
  void progress(const lstm::TrainingProgress &progress);
  void snapshot(std::shared_ptr<const lstm::Model> model, qint64 iteration);
  void stateChanged(lstm::TrainingController::State state);
  // The run ended: finished its iterations, was stopped, or diverged (the message says what the weights are).
  void finished(lstm::TrainingOutcome outcome, const QString &message);
  // A requested checkpoint was written (error empty) or failed (error "<path>: <problem>").
  void checkpointWritten(const QString &path, qint64 iteration, const QString &error);

private:
  void launch(std::function<std::unique_ptr<Trainer>(QString *error)> makeTrainer);
  void endWorker();
  void onProgressOnWorker(Trainer &trainer, const TrainingProgress &progress); // worker thread
  void setState(State state);
  bool idleOrPaused(const QString &path, QString *error) const;

  std::unique_ptr<Trainer> m_trainer;
  QThread *m_worker = nullptr;
  State m_state = State::Idle;
  std::atomic<bool> m_cancel{false};
  std::atomic<int> m_snapshotEvery{0};
  std::atomic<bool> m_snapshotRequested{false};
  std::vector<HistoryPoint> m_resumedHistory;
  qint64 m_iteration = 0;             // GUI thread: the last progress delivered
  std::mutex m_mutex;                 // guards m_pauseRequested and the worker's paused flag
  std::condition_variable m_wake;
  bool m_pauseRequested = false;
  bool m_workerPaused = false;
  QString m_checkpointRequest;        // guarded by m_mutex: a path the worker writes at its next pause point
  qint64 m_lastDeliveryMs = 0;        // worker thread only
};

} // namespace lstm

Q_DECLARE_METATYPE(lstm::TrainingProgress)
Q_DECLARE_METATYPE(lstm::TrainingOutcome)
