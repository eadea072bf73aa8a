#include "training_controller.h"

#include "common/problem_text.h"

#include <QDateTime>
#include <QEventLoop>

#include <condition_variable>
#include <mutex>
#include <utility>

namespace lstm {

namespace {
constexpr qint64 kProgressIntervalMs = 100; // ~10 progress updates a second reach the GUI, whatever the iteration rate
} // namespace

// Shared by the controller and one run's worker; the worker touches nothing else of the controller.
struct TrainingController::RunControl {
  std::atomic<bool> stop{false}; // the trainer's cancel flag: raised by stop() and by the controller's destructor
  std::atomic<int> snapshotEvery{0};
  std::atomic<bool> snapshotRequested{false};
  std::mutex mutex; // guards the three below
  std::condition_variable wake;
  bool pauseRequested = false;
  bool workerPaused = false;
  QString checkpointRequest; // a path the worker writes at its next pause point
  qint64 lastDeliveryMs = 0; // worker thread only
};

TrainingController::TrainingController(QObject *parent) : QObject(parent) {
  qRegisterMetaType<lstm::TrainingProgress>();
  qRegisterMetaType<lstm::TrainingOutcome>();
  qRegisterMetaType<std::shared_ptr<const lstm::Model>>();
}

TrainingController::~TrainingController() {
  if (!m_job.isRunning())
    return;
  // The worker stops within one time step (a paused one at once) and frees the trainer; m_job drops its notices.
  m_control->stop.store(true);
  {
    std::lock_guard lock(m_control->mutex);
    m_control->pauseRequested = false;
  }
  m_control->wake.notify_all();
}

bool TrainingController::start(std::shared_ptr<const Corpus> corpus, const TrainerConfig &config, QString *error) {
  if (m_job.isRunning()) {
    *error = tr("A training run is already active: stop it first.");
    return false;
  }
  if (Problem problem; !config.validate(*corpus, &problem)) {
    *error = problemText(problem);
    return false;
  }
  launch([corpus = std::move(corpus), config](QString *) { return std::make_unique<Trainer>(corpus, config); });
  return true;
}

bool TrainingController::resumeCheckpoint(std::shared_ptr<const Corpus> corpus, const QString &path, QString *error,
                                          std::int64_t totalIterations) {
  if (m_job.isRunning()) {
    *error = tr("A training run is already active: stop it first.");
    return false;
  }
  launch([corpus = std::move(corpus), path, totalIterations](QString *failure) {
    // The checkpoint's own plan, unless a longer one is asked for: a shorter one would end the run at once.
    Problem problem;
    auto trainer = Trainer::resume(corpus, path, &problem);
    if (trainer && totalIterations > trainer->totalIterations())
      trainer = Trainer::resume(corpus, path, &problem, totalIterations);
    if (!trainer)
      *failure = problemText(problem);
    return trainer;
  });
  return true;
}

void TrainingController::launch(TrainerFactory makeTrainer) {
  m_control = std::make_shared<RunControl>();
  m_control->snapshotEvery.store(m_snapshotEvery);
  m_trainer.reset(); // a new run: the old weights are gone (the panel asked before starting)
  m_resumedHistory.clear();
  m_iteration = 0;
  m_job.start(
      [control = m_control, makeTrainer = std::move(makeTrainer)](const JobControl<Notice> &job) {
        return runOnWorker(makeTrainer, *control, job);
      },
      [this](const Ending &ending) { onEnded(ending); }, [this](const Notice &notice) { onNotice(notice); });
  setState(State::Running);
}

TrainingController::Ending TrainingController::runOnWorker(const TrainerFactory &makeTrainer, RunControl &control,
                                                           const JobControl<Notice> &job) {
  Ending ending;
  std::shared_ptr<Trainer> trainer = makeTrainer(&ending.error);
  if (!trainer)
    return ending;
  // The weights the run starts from open the timeline (random ones, or a checkpoint's).
  job.report(Started{trainer, std::make_shared<const Model>(trainer->model()), trainer->history(),
                     qint64(trainer->iteration())});
  ending.started = true;
  ending.outcome = trainer->run(control.stop, [&](const TrainingProgress &progress) {
    atPausePoint(*trainer, progress, control, job);
  });
  ending.message = ending.outcome == TrainingOutcome::Finished
                       ? tr("Training finished after %1 iterations.").arg(trainer->iteration())
                       : problemText(trainer->outcome());
  return ending;
}

void TrainingController::atPausePoint(Trainer &trainer, const TrainingProgress &progress, RunControl &control,
                                      const JobControl<Notice> &job) {
  const qint64 now = QDateTime::currentMSecsSinceEpoch();
  const bool last = progress.iteration >= progress.totalIterations;
  if (progress.evaluated || last || now - control.lastDeliveryMs >= kProgressIntervalMs) {
    control.lastDeliveryMs = now;
    job.report(progress);
  }
  const int every = control.snapshotEvery.load();
  const bool requested = control.snapshotRequested.exchange(false);
  if (requested || progress.evaluated || (every > 0 && progress.iteration % every == 0))
    job.report(Snapshot{std::make_shared<const Model>(trainer.model()), progress.iteration});
  // Between two iterations nothing is half done, so waiting here and going on later is exact, and a checkpoint
  // written here resumes exactly.
  QString path;
  {
    std::lock_guard guard(control.mutex);
    path = std::exchange(control.checkpointRequest, QString());
  }
  if (!path.isEmpty()) { // written outside the lock: pause() never waits for the disk
    Problem problem;
    const QString error = trainer.saveCheckpoint(path, &problem) ? QString() : problemText(problem);
    job.report(CheckpointWritten{path, progress.iteration, error});
  }
  std::unique_lock lock(control.mutex);
  if (!control.pauseRequested || control.stop.load())
    return;
  control.workerPaused = true;
  job.report(Paused{});
  control.wake.wait(lock, [&control] { return !control.pauseRequested || control.stop.load(); });
  control.workerPaused = false;
}

void TrainingController::onNotice(const Notice &notice) {
  if (const auto *started = std::get_if<Started>(&notice)) {
    m_trainer = started->trainer;
    m_resumedHistory = started->history;
    m_iteration = started->iteration;
    Q_EMIT this->started();
    Q_EMIT snapshot(started->initial, started->iteration);
  } else if (const auto *progress = std::get_if<TrainingProgress>(&notice)) {
    m_iteration = progress->iteration;
    Q_EMIT this->progress(*progress);
  } else if (const auto *copy = std::get_if<Snapshot>(&notice)) {
    Q_EMIT snapshot(copy->model, copy->iteration);
  } else if (std::holds_alternative<Paused>(notice)) {
    bool paused;
    {
      std::lock_guard guard(m_control->mutex); // a resume() may have overtaken this notice
      paused = m_control->workerPaused && m_control->pauseRequested;
    }
    if (paused)
      setState(State::Paused);
  } else if (const auto *written = std::get_if<CheckpointWritten>(&notice)) {
    Q_EMIT checkpointWritten(written->path, written->iteration, written->error);
  }
}

void TrainingController::onEnded(const Ending &ending) {
  setState(State::Idle);
  if (ending.started)
    Q_EMIT finished(ending.outcome, ending.message);
  else
    Q_EMIT startFailed(ending.error);
}

void TrainingController::setSnapshotEvery(int iterations) {
  m_snapshotEvery = iterations;
  if (m_control)
    m_control->snapshotEvery.store(iterations);
}

void TrainingController::requestSnapshot() {
  if (m_control && m_job.isRunning())
    m_control->snapshotRequested.store(true);
}

void TrainingController::pause() {
  if (m_state != State::Running)
    return;
  std::lock_guard lock(m_control->mutex);
  m_control->pauseRequested = true;
}

void TrainingController::resume() {
  if (!m_control)
    return;
  {
    std::lock_guard lock(m_control->mutex);
    if (!m_control->pauseRequested)
      return;
    m_control->pauseRequested = false;
  }
  m_control->wake.notify_all();
  if (m_job.isRunning())
    setState(State::Running);
}

void TrainingController::stop() {
  if (!m_job.isRunning())
    return;
  m_control->stop.store(true);
  m_control->wake.notify_all();
}

void TrainingController::requestCheckpoint(const QString &path) {
  if (!m_trainer)
    return;
  if (m_job.isRunning() && m_state != State::Paused) {
    std::lock_guard lock(m_control->mutex);
    m_control->checkpointRequest = path;
    return;
  }
  // No worker is mid-iteration (paused at its pause point, or ended): save here. Queued like the worker's notice,
  // so callers see one order of events whatever the state.
  Problem problem;
  const QString error = m_trainer->saveCheckpoint(path, &problem) ? QString() : problemText(problem);
  const qint64 iteration = m_trainer->iteration();
  QMetaObject::invokeMethod(this, [this, path, iteration, error] { Q_EMIT checkpointWritten(path, iteration, error); },
                            Qt::QueuedConnection);
}

void TrainingController::stopAndWait() {
  if (!m_job.isRunning())
    return;
  stop();
  // The run's last notices arrive through this loop, finished() (or startFailed()) last. User input waits, so
  // nothing can start another run or close the window meanwhile.
  QEventLoop loop;
  connect(this, &TrainingController::finished, &loop, &QEventLoop::quit);
  connect(this, &TrainingController::startFailed, &loop, &QEventLoop::quit);
  loop.exec(QEventLoop::ExcludeUserInputEvents);
}

void TrainingController::setState(State state) {
  if (state == m_state)
    return;
  m_state = state;
  Q_EMIT stateChanged(state);
}

bool TrainingController::idleOrPaused(const QString &path, QString *error) const {
  if (m_job.isRunning() && m_state != State::Paused) {
    *error = path + QStringLiteral(": ") + tr("pause or stop training before saving");
    return false;
  }
  if (!m_trainer) {
    *error = path + QStringLiteral(": ") + tr("nothing has been trained yet");
    return false;
  }
  return true;
}

bool TrainingController::saveModel(const QString &path, QString *error) {
  Problem problem;
  if (!idleOrPaused(path, error))
    return false;
  if (m_trainer->saveModel(path, &problem))
    return true;
  *error = problemText(problem);
  return false;
}

bool TrainingController::saveCheckpoint(const QString &path, QString *error) {
  Problem problem;
  if (!idleOrPaused(path, error))
    return false;
  if (m_trainer->saveCheckpoint(path, &problem))
    return true;
  *error = problemText(problem);
  return false;
}

std::shared_ptr<const Model> TrainingController::modelCopy() {
  if (!m_trainer || (m_job.isRunning() && m_state != State::Paused))
    return nullptr;
  return std::make_shared<const Model>(m_trainer->model());
}

} // namespace lstm
