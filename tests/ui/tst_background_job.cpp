// The background-job helper: results on the owner's thread, latest result wins, cancellation, progress order,
// an owner destroyed mid-run, and long runs that do not hold back short ones. Workers are held at chosen points
// with semaphores, so every interleaving below is forced, never timed.
#include "common/background_job.h"

#include <QSemaphore>
#include <QString>
#include <QStringList>
#include <QTest>
#include <QThread>

#include <memory>
#include <vector>

using namespace lstm;

namespace {
constexpr int kTimeoutMs = 20000;

// A worker's handshake with the test: it says it has started, then waits for the go-ahead.
struct Gate {
  QSemaphore started, go, returned;
};

// An owner whose job dies with it, as a view's does.
class Owner : public QObject {
public:
  BackgroundJob<int, int> job;
};
} // namespace

class TestBackgroundJob : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void cleanup();
  void deliversTheResultOnTheOwnerThread();
  void latestResultWins();
  void cancelRaisesTheFlagAndDropsTheResult();
  void progressArrivesInOrderBeforeTheResult();
  void ownerDeletedWhileRunning();
  void handlerMayStartTheNextRun();
  void longRunsDoNotHoldBackShortOnes();
};

void TestBackgroundJob::cleanup() {
  // Abandoned workers finish on their own: let them, so no test inherits another's.
  QTRY_COMPARE_WITH_TIMEOUT(activeBackgroundWorkers(), 0, kTimeoutMs);
}

void TestBackgroundJob::deliversTheResultOnTheOwnerThread() {
  BackgroundJob<QThread *> job;
  QVERIFY(!job.isRunning());
  QThread *workerThread = nullptr, *handlerThread = nullptr;
  int results = 0;
  job.start([](const auto &) { return QThread::currentThread(); },
            [&](QThread *ranOn) {
              workerThread = ranOn;
              handlerThread = QThread::currentThread();
              ++results;
            });
  QVERIFY(job.isRunning());
  QTRY_COMPARE_WITH_TIMEOUT(results, 1, kTimeoutMs);
  QVERIFY(!job.isRunning());
  QCOMPARE(handlerThread, QThread::currentThread());
  QVERIFY(workerThread && workerThread != QThread::currentThread());
}

void TestBackgroundJob::latestResultWins() {
  BackgroundJob<QString, QString> job;
  QStringList delivered;
  Gate first;
  std::atomic<bool> firstSawCancel{false};
  // The first run ignores its flag until released and then returns a result anyway: it must still be dropped,
  // and so must the progress it reports after being superseded.
  job.start(
      [&](const auto &control) {
        control.report(QStringLiteral("first: before"));
        first.started.release();
        first.go.acquire();
        firstSawCancel = control.cancelled();
        control.report(QStringLiteral("first: after"));
        first.returned.release();
        return QStringLiteral("first");
      },
      [&](const QString &result) { delivered << result; }, [&](const QString &progress) { delivered << progress; });
  QVERIFY(first.started.tryAcquire(1, kTimeoutMs));
  job.start([](const auto &control) {
    control.report(QStringLiteral("second: progress"));
    return QStringLiteral("second");
  }, [&](const QString &result) { delivered << result; }, [&](const QString &progress) { delivered << progress; });
  QTRY_VERIFY_WITH_TIMEOUT(delivered.contains(QStringLiteral("second")), kTimeoutMs);
  QVERIFY(!job.isRunning());

  first.go.release();
  QVERIFY(first.returned.tryAcquire(1, kTimeoutMs));
  QTRY_COMPARE_WITH_TIMEOUT(activeBackgroundWorkers(), 0, kTimeoutMs);
  QCoreApplication::sendPostedEvents(); // whatever the first run posted is delivered now, or never
  QVERIFY(firstSawCancel);
  QCOMPARE(delivered, QStringList({QStringLiteral("second: progress"), QStringLiteral("second")}));
}

void TestBackgroundJob::cancelRaisesTheFlagAndDropsTheResult() {
  BackgroundJob<int> job;
  Gate gate;
  int results = 0;
  job.start(
      [&](const auto &control) {
        gate.started.release();
        while (!control.cancelled()) // polls as a core loop does
          QThread::yieldCurrentThread();
        gate.returned.release();
        return 1;
      },
      [&](int) { ++results; });
  QVERIFY(gate.started.tryAcquire(1, kTimeoutMs));
  job.cancel();
  QVERIFY(!job.isRunning());
  QVERIFY(gate.returned.tryAcquire(1, kTimeoutMs)); // the flag reached the work: it stopped by itself
  QTRY_COMPARE_WITH_TIMEOUT(activeBackgroundWorkers(), 0, kTimeoutMs);
  QCoreApplication::sendPostedEvents();
  QCOMPARE(results, 0);
  job.cancel(); // idle: no-op
  QVERIFY(!job.isRunning());
}

void TestBackgroundJob::progressArrivesInOrderBeforeTheResult() {
  BackgroundJob<int, int> job;
  std::vector<int> events; // progress values, then -1 for the result
  constexpr int kReports = 500;
  job.start(
      [](const auto &control) {
        for (int i = 0; i < kReports; ++i)
          control.report(i);
        return kReports;
      },
      [&](int result) {
        QCOMPARE(result, kReports);
        events.push_back(-1);
      },
      [&](int progress) { events.push_back(progress); });
  QTRY_VERIFY_WITH_TIMEOUT(!events.empty() && events.back() == -1, kTimeoutMs);
  QCOMPARE(int(events.size()), kReports + 1);
  for (int i = 0; i < kReports; ++i)
    QCOMPARE(events[std::size_t(i)], i);
}

void TestBackgroundJob::ownerDeletedWhileRunning() {
  auto *owner = new Owner;
  auto gate = std::make_shared<Gate>(); // co-owned by the work: it outlives the owner
  auto sawCancel = std::make_shared<std::atomic<bool>>(false);
  int delivered = 0;
  owner->job.start(
      [gate, sawCancel](const auto &control) {
        gate->started.release();
        gate->go.acquire();
        *sawCancel = control.cancelled();
        control.report(1);
        gate->returned.release();
        return 2;
      },
      [&](int) { ++delivered; }, [&](int) { ++delivered; });
  QVERIFY(gate->started.tryAcquire(1, kTimeoutMs));
  delete owner; // returns at once: the worker is still held at its gate
  gate->go.release();
  QVERIFY(gate->returned.tryAcquire(1, kTimeoutMs));
  QTRY_COMPARE_WITH_TIMEOUT(activeBackgroundWorkers(), 0, kTimeoutMs);
  QCoreApplication::sendPostedEvents();
  QVERIFY(*sawCancel);
  QCOMPARE(delivered, 0);
}

void TestBackgroundJob::handlerMayStartTheNextRun() {
  BackgroundJob<int> job;
  std::vector<int> results;
  std::function<void(int)> onResult = [&](int value) {
    results.push_back(value);
    if (value < 3)
      job.start([value](const auto &) { return value + 1; }, onResult);
  };
  job.start([](const auto &) { return 1; }, onResult);
  QTRY_COMPARE_WITH_TIMEOUT(int(results.size()), 3, kTimeoutMs);
  QCOMPARE(results, std::vector<int>({1, 2, 3}));
  QVERIFY(!job.isRunning());
}

void TestBackgroundJob::longRunsDoNotHoldBackShortOnes() {
  // More long runs than this machine has cores (training, RNN comparisons, …), all busy until released.
  const int longRuns = std::max(4, 2 * QThread::idealThreadCount());
  auto release = std::make_shared<QSemaphore>();
  std::vector<std::unique_ptr<BackgroundJob<int>>> longJobs;
  for (int i = 0; i < longRuns; ++i) {
    longJobs.push_back(std::make_unique<BackgroundJob<int>>());
    longJobs.back()->start([release](const auto &) {
      release->acquire();
      return 0;
    }, [](int) {});
  }
  BackgroundJob<int> shortJob;
  int result = 0;
  shortJob.start([](const auto &) { return 7; }, [&](int value) { result = value; });
  QTRY_COMPARE_WITH_TIMEOUT(result, 7, kTimeoutMs);
  for (const auto &job : longJobs)
    QVERIFY(job->isRunning());
  release->release(longRuns);
}

QTEST_MAIN(TestBackgroundJob)
#include "tst_background_job.moc"
