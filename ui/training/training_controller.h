#pragma once
// The only object that touches a Trainer in the GUI (issue #5). It runs the trainer on its own worker thread and
// hands the GUI copies: progress (throttled to ~30 a second, every evaluation always delivered) and weight
// snapshots every K iterations, through queued signals. Pause blocks the worker between two iterations, so a
// paused run resumes exactly where it stopped; stop cancels within one time step.
// Public methods: GUI thread only. Signals are delivered on the GUI thread.
#include "train/trainer.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <condition_variable>
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

  // Starts a new run. Refuses (false, nothing started) with one sentence when a run is active or the
  // configuration is impossible for this corpus (config.validate).
  bool start(std::shared_ptr<const Corpus> corpus, const TrainerConfig &config, QString *error);
  // Continues a checkpoint; totalIterations > 0 sets the new planned length. Same refusals, plus the
  // checkpoint's own (wrong corpus, damaged file) naming the file.
  bool resumeCheckpoint(std::shared_ptr<const Corpus> corpus, const QString &path, QString *error,
                        std::int64_t totalIterations = 0);
  void pause();  // the worker stops after the current iteration; stateChanged(Paused) when it has
  void resume(); // continues a paused run
  void stop();   // cancels; finished(Cancelled, …) follows

  State state() const { return m_state; }
  bool hasTrainer() const { return m_trainer != nullptr; }
  // Copies progress every `iterations` (0: never). Takes effect from the next iteration.
  void setSnapshotEvery(int iterations) { m_snapshotEvery.store(iterations); }

  // Saves while paused or after the run ended (never while the worker is mid-iteration): false otherwise or on
  // failure, with "<path>: <problem>".
  bool saveModel(const QString &path, QString *error);
  bool saveCheckpoint(const QString &path, QString *error);
  // A copy of the current weights (paused or ended runs only; nullptr otherwise).
  std::shared_ptr<const Model> modelCopy();
  const Baselines *baselines() const { return m_trainer ? &m_trainer->baselines() : nullptr; }

Q_SIGNALS:
  void progress(const lstm::TrainingProgress &progress);
  void snapshot(std::shared_ptr<const lstm::Model> model, qint64 iteration);
  void stateChanged(lstm::TrainingController::State state);
  // The run ended: finished its iterations, was stopped, or diverged (the message says what the weights are).
  void finished(lstm::TrainingOutcome outcome, const QString &message);

private:
  void launch();
  void onProgressOnWorker(const TrainingProgress &progress); // worker thread
  void setState(State state);
  bool idleOrPaused(const QString &path, QString *error) const;

  std::unique_ptr<Trainer> m_trainer;
  QThread *m_worker = nullptr;
  State m_state = State::Idle;
  std::atomic<bool> m_cancel{false};
  std::atomic<int> m_snapshotEvery{0};
  std::mutex m_mutex;                 // guards m_pauseRequested and the worker's paused flag
  std::condition_variable m_wake;
  bool m_pauseRequested = false;
  bool m_workerPaused = false;
  qint64 m_lastDeliveryMs = 0;        // worker thread only
};

} // namespace lstm

Q_DECLARE_METATYPE(lstm::TrainingProgress)
Q_DECLARE_METATYPE(lstm::TrainingOutcome)
