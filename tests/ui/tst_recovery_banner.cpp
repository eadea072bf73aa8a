// RecoveryBanner: hidden while no earlier session left a recovery; with one it names the corpus and the iteration,
// "Resume it" hands back the corpus source and checkpoint (the files stay for the resume), "Discard" removes the
// files, and a language switch keeps the offer on screen.
#include "training/recovery_banner.h"
#include "training/training_controller.h"
#include "training/training_recovery.h"
#include "ui_test_helpers.h"

#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace lstm;
using test::child;

class TestRecoveryBanner : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); } // recovery files go to a test location
  void init() { QDir(TrainingRecovery::directory()).removeRecursively(); }
  void cleanup() { QDir(TrainingRecovery::directory()).removeRecursively(); }
  void staysHiddenWithoutARecovery();
  void offersResumesAndDiscards();

private:
  // What a crashed session leaves: the checkpoint and the note beside it.
  static void leaveRecovery(const TrainingRecovery &recovery, const CorpusSource &source, qint64 iteration);
};

void TestRecoveryBanner::leaveRecovery(const TrainingRecovery &recovery, const CorpusSource &source,
                                       qint64 iteration) {
  QVERIFY(QDir().mkpath(TrainingRecovery::directory()));
  QVERIFY(test::writeFile(recovery.checkpointPath(), QByteArray("checkpoint")));
  const QJsonObject note{{QStringLiteral("checkpoint"), recovery.checkpointPath()},
                         {QStringLiteral("corpus_path"), source.toString()},
                         {QStringLiteral("iteration"), iteration},
                         {QStringLiteral("written"), QDateTime::currentDateTime().toString(Qt::ISODate)}};
  QVERIFY(test::writeFile(TrainingRecovery::directory() + QStringLiteral("/training.json"),
                          QJsonDocument(note).toJson()));
  QVERIFY(recovery.pending());
}

void TestRecoveryBanner::staysHiddenWithoutARecovery() {
  TrainingController controller;
  TrainingRecovery recovery(&controller);
  RecoveryBanner banner(&recovery);
  banner.showOffer();
  QVERIFY(banner.isHidden());
}

void TestRecoveryBanner::offersResumesAndDiscards() {
  TrainingController controller;
  TrainingRecovery recovery(&controller);
  const CorpusSource source = CorpusSource::generated(QStringLiteral("anbn"), 5000, 7);
  leaveRecovery(recovery, source, 1234);
  QWidget window;
  auto *banner = new RecoveryBanner(&recovery, &window);
  window.show();
  QVERIFY(!banner->isVisible());
  banner->showOffer();
  QVERIFY(banner->isVisible());
  auto *label = banner->findChild<QLabel *>();
  QVERIFY(label);
  QVERIFY2(label->text().contains(source.describe()) && label->text().contains(QStringLiteral("1234")),
           qPrintable(label->text()));

  // A language switch rewrites the offer and keeps it on screen.
  QEvent languageChange(QEvent::LanguageChange);
  QCoreApplication::sendEvent(banner, &languageChange);
  QVERIFY(banner->isVisible());
  QVERIFY(label->text().contains(QStringLiteral("1234")));

  QSignalSpy requested(banner, &RecoveryBanner::recoverRequested);
  QTest::mouseClick(child<QPushButton>(banner, "recoverButton"), Qt::LeftButton);
  QCOMPARE(requested.count(), 1);
  QCOMPARE(requested.front().at(0).value<CorpusSource>(), source);
  QCOMPARE(requested.front().at(1).toString(), recovery.checkpointPath());
  QVERIFY(!banner->isVisible());
  QVERIFY(recovery.pending()); // resuming needs the files

  banner->showOffer();
  QVERIFY(banner->isVisible());
  QTest::mouseClick(child<QPushButton>(banner, "discardRecoveryButton"), Qt::LeftButton);
  QVERIFY(!banner->isVisible());
  QVERIFY(!recovery.pending());
  QVERIFY(!QFile::exists(recovery.checkpointPath()));
  banner->showOffer(); // nothing left to offer
  QVERIFY(!banner->isVisible());
}

QTEST_MAIN(TestRecoveryBanner)
#include "tst_recovery_banner.moc"
