#include "training_recovery.h"

#include "training/training_controller.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace lstm {

TrainingRecovery::TrainingRecovery(TrainingController *controller, QObject *parent)
    : QObject(parent), m_controller(controller) {
  m_timer.setInterval(kDefaultIntervalMs);
  connect(&m_timer, &QTimer::timeout, this, &TrainingRecovery::saveNow);
  connect(m_controller, &TrainingController::checkpointWritten, this, &TrainingRecovery::onCheckpointWritten);
}

QString TrainingRecovery::directory() {
  return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/recovery");
}

QString TrainingRecovery::checkpointPath() const { return directory() + QStringLiteral("/training.ckpt"); }
QString TrainingRecovery::notePath() const { return directory() + QStringLiteral("/training.json"); }

void TrainingRecovery::runStarted(const QString &corpusPath) {
  m_corpusPath = corpusPath;
  m_timer.start();
}

void TrainingRecovery::runEnded() { m_timer.stop(); }

void TrainingRecovery::saveNow() {
  if (!QDir().mkpath(directory())) {
    Q_EMIT failed(directory() + QStringLiteral(": ") + tr("cannot create the folder"));
    return;
  }
  m_controller->requestCheckpoint(checkpointPath());
}

void TrainingRecovery::onCheckpointWritten(const QString &path, qint64 iteration, const QString &error) {
  if (path != checkpointPath())
    return; // a checkpoint the user saved
  if (!error.isEmpty()) {
    Q_EMIT failed(error);
    return;
  }
  // The note comes second: a note always describes a complete checkpoint.
  const QJsonObject note{{QStringLiteral("checkpoint"), path},
                         {QStringLiteral("corpus_path"), m_corpusPath},
                         {QStringLiteral("iteration"), iteration},
                         {QStringLiteral("written"), QDateTime::currentDateTime().toString(Qt::ISODate)}};
  QSaveFile file(notePath());
  if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(note).toJson()) < 0 || !file.commit()) {
    Q_EMIT failed(notePath() + QStringLiteral(": ") + file.errorString());
    return;
  }
  Q_EMIT saved(iteration);
}

void TrainingRecovery::discard() {
  QFile::remove(notePath());
  QFile::remove(checkpointPath());
}

std::optional<TrainingRecovery::Pending> TrainingRecovery::pending() const {
  QFile file(notePath());
  if (!file.open(QIODevice::ReadOnly) || file.size() > (1 << 20))
    return std::nullopt;
  const QJsonObject note = QJsonDocument::fromJson(file.readAll()).object();
  Pending pending;
  pending.checkpoint = note.value(QStringLiteral("checkpoint")).toString();
  pending.corpusPath = note.value(QStringLiteral("corpus_path")).toString();
  pending.iteration = note.value(QStringLiteral("iteration")).toInteger();
  pending.written = QDateTime::fromString(note.value(QStringLiteral("written")).toString(), Qt::ISODate);
  if (pending.checkpoint.isEmpty() || pending.corpusPath.isEmpty() || !QFile::exists(pending.checkpoint))
    return std::nullopt;
  return pending;
}

} // namespace lstm
