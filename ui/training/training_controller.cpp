#include "training_controller.h"

#include "common/problem_text.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMetaObject>
#include <QThread>

#include <utility>

namespace lstm {

namespace {
constexpr qint64 kProgressIntervalMs = 100; // ~10 progress updates a second reach the GUI, whatever the iteration rate
} // namespace

TrainingController::TrainingController(QObject *parent) : QObject(parent) {
  qRegisterMetaType<lstm::TrainingProgress>();
  qRegisterMetaType<lstm::TrainingOutcome>();
  qRegisterMetaType<std::shared_ptr<const lstm::Model>>();
}

TrainingController::~TrainingController() {
  if (m_worker) {
    m_cancel.store(true);
    {
      std::lock_guard lock(m_mutex);
      m_pauseRequested = false;
    }
    m_wake.notify_all();
    m_worker->wait();
  }
  // The worker's last notices adopt the trainer it made (so it is freed) and end the run; nobody listens now.
  blockSignals(true);
  QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
  delete m_worker;
}

bool TrainingController::start(std::shared_ptr<const Corpus> corpus, const TrainerConfig &config, QString *error) {
  if (m_worker) {
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
  if (m_worker) {
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

void TrainingController::launch(std::function<std::unique_ptr<Trainer>(QString *error)> makeTrainer) {
  m_cancel.store(false);
  m_pauseRequested = false;
  m_workerPaused = false;
  m_lastDeliveryMs = 0;
  m_snapshotRequested.store(false);
  m_checkpointRequest.clear();
  m_trainer.reset(); // a new run: the old weights are gone (the panel asked before starting)
  m_resumedHistory.clear();
  m_iteration = 0;
  // Building a trainer is slow work — the GEMM plan is timed, a checkpoint is read — so the worker does it and
  // hands the finished trainer to this thread. The GUI thread never touches it while the worker runs.
  m_worker = QThread::create([this, makeTrainer = std::move(makeTrainer)] {
    QString error;
    std::unique_ptr<Trainer> made = makeTrainer(&error);
    if (!made) {
      QMetaObject::invokeMethod(this, [this, error] {
        endWorker();
        Q_EMIT startFailed(error);
      }, Qt::QueuedConnection);
      return;
    }
    Trainer *trainer = made.release(); // owned by the notice below, which always runs (see the destructor)
    // The weights the run starts from open the timeline (random ones, or a checkpoint's).
    auto initial = std::make_shared<const Model>(trainer->model());
    QMetaObject::invokeMethod(this, [this, trainer, initial, history = trainer->history(),
                                     iteration = qint64(trainer->iteration())] {
      m_trainer.reset(trainer);
      m_resumedHistory = history;
      m_iteration = iteration;
      Q_EMIT started();
      Q_EMIT snapshot(initial, iteration);
    }, Qt::QueuedConnection);
    const TrainingOutcome outcome = trainer->run(
        m_cancel, [this, trainer](const TrainingProgress &progress) { onProgressOnWorker(*trainer, progress); });
    const QString message = outcome == TrainingOutcome::Finished
                                ? tr("Training finished after %1 iterations.").arg(trainer->iteration())
                                : problemText(trainer->outcome());
    QMetaObject::invokeMethod(this, [this, outcome, message] {
      endWorker();
      Q_EMIT finished(outcome, message);
    }, Qt::QueuedConnection);
  });
  m_worker->start();
  setState(State::Running);
}

void TrainingController::endWorker() {
  m_worker->wait();
  delete m_worker;
  m_worker = nullptr;
  setState(State::Idle);
}

void TrainingController::onProgressOnWorker(Trainer &trainer, const TrainingProgress &progress) {
  const qint64 now = QDateTime::currentMSecsSinceEpoch();
  const bool last = progress.iteration >= progress.totalIterations;
  if (progress.evaluated || last || now - m_lastDeliveryMs >= kProgressIntervalMs) {
    m_lastDeliveryMs = now;
    QMetaObject::invokeMethod(this, [this, progress] {
      m_iteration = progress.iteration;
      Q_EMIT this->progress(progress);
    }, Qt::QueuedConnection);
  }
  const int every = m_snapshotEvery.load();
  const bool requested = m_snapshotRequested.exchange(false);
  if (requested || progress.evaluated || (every > 0 && progress.iteration % every == 0)) {
    auto copy = std::make_shared<const Model>(trainer.model());
    const qint64 iteration = progress.iteration;
    QMetaObject::invokeMethod(this, [this, copy, iteration] { Q_EMIT snapshot(copy, iteration); },
                              Qt::QueuedConnection);
  }
  // Pause point: between two iterations nothing is half done, so waiting here and going on later is exact, and
  // a checkpoint written here resumes exactly.
  QString path;
  {
    std::lock_guard guard(m_mutex);
    path = std::exchange(m_checkpointRequest, QString());
  }
  if (!path.isEmpty()) { // written outside the lock: pause() never waits for the disk
    Problem problem;
    const QString error = trainer.saveCheckpoint(path, &problem) ? QString() : problemText(problem);
    const qint64 iteration = progress.iteration;
    QMetaObject::invokeMethod(this, [this, path, iteration, error] { Q_EMIT checkpointWritten(path, iteration, error); },
                              Qt::QueuedConnection);
  }
  std::unique_lock lock(m_mutex);
  if (!m_pauseRequested || m_cancel.load())
    return;
  m_workerPaused = true;
  QMetaObject::invokeMethod(this, [this] {
    bool paused;
    {
      std::lock_guard guard(m_mutex); // a resume() may have overtaken this notice
      paused = m_workerPaused && m_pauseRequested;
    }
    if (paused && m_worker)
      setState(State::Paused);
  }, Qt::QueuedConnection);
  m_wake.wait(lock, [this] { return !m_pauseRequested || m_cancel.load(); });
  m_workerPaused = false;
}

void TrainingController::pause() {
  if (m_state != State::Running)
    return;
  std::lock_guard lock(m_mutex);
  m_pauseRequested = true;
}

void TrainingController::resume() {
  {
    std::lock_guard lock(m_mutex);
    if (!m_pauseRequested)
      return;
    m_pauseRequested = false;
  }
  m_wake.notify_all();
  if (m_worker)
    setState(State::Running);
}

void TrainingController::stop() {
  if (!m_worker)
    return;
  m_cancel.store(true);
  m_wake.notify_all();
}

void TrainingController::requestCheckpoint(const QString &path) {
  if (!m_trainer)
    return;
  if (m_worker && m_state != State::Paused) {
    std::lock_guard lock(m_mutex);
    m_checkpointRequest = path;
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
  if (!m_worker)
    return;
  stop();
  m_worker->wait();
  // The worker's queued notices (progress, snapshots, the end of the run) are posted to this object.
  QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
}

void TrainingController::setState(State state) {
  if (state == m_state)
    return;
  m_state = state;
  Q_EMIT stateChanged(state);
}

bool TrainingController::idleOrPaused(const QString &path, QString *error) const {
  if (m_worker && m_state != State::Paused) {
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
  if (!m_trainer || (m_worker && m_state != State::Paused))
    return nullptr;
  return std::make_shared<const Model>(m_trainer->model());
}

} // namespace lstm
