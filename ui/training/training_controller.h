#pragma once
// The only object that touches a Trainer in the GUI. It runs the trainer as a background job and hands the GUI
// copies: progress (throttled to ~10 a second, every evaluation always delivered) and weight snapshots every K
// iterations, through queued calls. Pause blocks the worker between two iterations, so a paused run resumes
// exactly where it stopped; stop cancels within one time step. The worker shares only the trainer and a small
// block of requests (pause, stop, snapshot, checkpoint) with the controller, so destroying the controller never
// waits: the run is stopped and its worker ends on its own (an autosaved recovery checkpoint stays on disk).
// Public methods: GUI thread only. Signals are delivered on the GUI thread.
#include "common/background_job.h"
#include "train/trainer.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <variant>
#include <vector>

namespace lstm {

class TrainingController : public QObject {
  Q_OBJECT
public:
  enum class State { Idle, Running, Paused };
  Q_ENUM(State)

  explicit TrainingController(QObject *parent = nullptr);
  ~TrainingController() override; // stops a run without waiting for it; nothing more is delivered

  // Starts a new run: the worker builds the trainer (started() when it has) and trains. Refuses (false,
  // nothing started) with one sentence when a run is active or the configuration is impossible for this corpus
  // (config.validate). The previous run's trainer is dropped.
  bool start(std::shared_ptr<const Corpus> corpus, const TrainerConfig &config, QString *error);
  // Continues a checkpoint to its own planned length, or to totalIterations when that is longer. Refuses when a
  // run is active; the checkpoint's own problems (wrong corpus, damaged file) arrive as startFailed naming the file.
  bool resumeCheckpoint(std::shared_ptr<const Corpus> corpus, const QString &path, QString *error,
                        std::int64_t totalIterations = 0);
  void pause();  // the worker stops after the current iteration; stateChanged(Paused) when it has
  void resume(); // continues a paused run
  void stop();   // cancels; finished(Cancelled, …) follows
  // Stops the run and returns once its last notices — finished() included — have been delivered: the weights are
  // then those of the last complete iteration, ready to save. For quitting. The GUI thread is not blocked: it
  // runs a local event loop (without user input) while the worker stops, within one time step of training.
  void stopAndWait();

  State state() const { return m_state; }
  // A trainer exists: from started() on, and after the run ended (to save it).
  bool hasTrainer() const { return m_trainer != nullptr; }
  // Copies the weights every `iterations` (0: never) and at every evaluation, delivered by snapshot(); the
  // untrained weights come first. Takes effect from the next iteration.
  void setSnapshotEvery(int iterations);
  // Asks for one snapshot of the weights as soon as the current iteration ends (a running run), so "explore
  // the weights now" does not wait for the next K. Paused or ended runs: use modelCopy().
  void requestSnapshot();
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
  struct RunControl; // the requests the GUI makes of a running worker; shared with it
  // What the worker tells the GUI while it runs, in order.
  struct Started {   // the trainer exists (built on the worker: timing its GEMM plan or reading a checkpoint is slow)
    std::shared_ptr<Trainer> trainer;
    std::shared_ptr<const Model> initial; // the weights the run starts from
    std::vector<HistoryPoint> history;
    qint64 iteration = 0;
  };
  struct Snapshot {
    std::shared_ptr<const Model> model;
    qint64 iteration = 0;
  };
  struct Paused {};
  struct CheckpointWritten {
    QString path;
    qint64 iteration = 0;
    QString error;
  };
  using Notice = std::variant<Started, TrainingProgress, Snapshot, Paused, CheckpointWritten>;
  // How the run ended: it never started (error: the checkpoint's problem), or its outcome.
  struct Ending {
    bool started = false;
    QString error;
    TrainingOutcome outcome = TrainingOutcome::Finished;
    QString message;
  };
  using TrainerFactory = std::function<std::unique_ptr<Trainer>(QString *error)>;

  void launch(TrainerFactory makeTrainer);
  static Ending runOnWorker(const TrainerFactory &makeTrainer, RunControl &control,
                            const JobControl<Notice> &job);                              // worker thread
  static void atPausePoint(Trainer &trainer, const TrainingProgress &progress, RunControl &control,
                           const JobControl<Notice> &job);                              // worker thread
  void onNotice(const Notice &notice);
  void onEnded(const Ending &ending);
  void setState(State state);
  bool idleOrPaused(const QString &path, QString *error) const;

  BackgroundJob<Ending, Notice> m_job;
  std::shared_ptr<RunControl> m_control; // the current (or last) run's; null before the first
  std::shared_ptr<Trainer> m_trainer;    // shared with the worker while it runs
  State m_state = State::Idle;
  int m_snapshotEvery = 0;
  std::vector<HistoryPoint> m_resumedHistory;
  qint64 m_iteration = 0; // the last progress delivered
};

} // namespace lstm

Q_DECLARE_METATYPE(lstm::TrainingProgress)
Q_DECLARE_METATYPE(lstm::TrainingOutcome)
