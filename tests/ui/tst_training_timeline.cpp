// TrainingTimeline and its bar: snapshots stay within the memory budget by thinning where they are
// densest (first and newest always kept, spacing stays even), follow mode shows the newest, a user moving the
// slider back stops following, and slider moves are coalesced into one choice.
#include "training/training_timeline.h"
#include "training/training_timeline_bar.h"
#include "ui_test_models.h"

#include <QCheckBox>
#include <QSignalSpy>
#include <QSlider>
#include <QTest>

#include <algorithm>

using namespace lstm;

class TestTrainingTimeline : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void thinsEvenlyWithinTheBudget();
  void replacesASnapshotOfTheSameIteration();
  void followShowsTheNewestAndScrubbingStopsIt();
};

void TestTrainingTimeline::thinsEvenlyWithinTheBudget() {
  const std::shared_ptr<const Model> model = test::randomCharModel(test::kTestAlphabet, 16, 1);
  const std::size_t each = TrainingTimeline::bytesOf(*model);
  TrainingTimeline timeline(each * 20); // room for 20
  for (qint64 iteration = 0; iteration <= 10000; iteration += 10)
    timeline.add(model, iteration);
  QCOMPARE(timeline.size(), 20);
  QVERIFY(timeline.bytes() <= timeline.budgetBytes());
  QCOMPARE(timeline.bytes(), each * 20);
  const auto &kept = timeline.snapshots();
  QCOMPARE(kept.front().iteration, 0);
  QCOMPARE(kept.back().iteration, 10000);
  // Even: no gap more than twice the ideal 10000 / 19 (a naive "drop the oldest" keeps only the last 190).
  qint64 widest = 0;
  for (std::size_t k = 1; k < kept.size(); ++k) {
    QVERIFY(kept[k].iteration > kept[k - 1].iteration);
    widest = std::max(widest, kept[k].iteration - kept[k - 1].iteration);
  }
  QVERIFY2(widest <= 2 * 10000 / 19, qPrintable(QString::number(widest)));
  QCOMPARE(timeline.indexNear(0), 0);
  QCOMPARE(timeline.indexNear(99999), 19);

  TrainingTimeline counted; // a generous budget still caps the count a slider can use
  for (qint64 iteration = 0; iteration < 1000; ++iteration)
    counted.add(model, iteration);
  QCOMPARE(counted.size(), TrainingTimeline::kMaxSnapshots);
}

void TestTrainingTimeline::replacesASnapshotOfTheSameIteration() {
  const std::shared_ptr<const Model> a = test::randomCharModel(test::kTestAlphabet, 8, 1);
  const std::shared_ptr<const Model> b = test::randomCharModel(test::kTestAlphabet, 8, 1);
  TrainingTimeline timeline;
  timeline.add(a, 5);
  timeline.add(b, 5);
  QCOMPARE(timeline.size(), 1);
  QCOMPARE(timeline.snapshots().front().model, b);
  QCOMPARE(timeline.bytes(), TrainingTimeline::bytesOf(*b));
}

void TestTrainingTimeline::followShowsTheNewestAndScrubbingStopsIt() {
  const std::shared_ptr<const Model> model = test::randomCharModel(test::kTestAlphabet, 8, 1);
  TrainingTimelineBar bar;
  bar.show();
  QSignalSpy chosen(&bar, &TrainingTimelineBar::snapshotChosen);
  auto *slider = bar.findChild<QSlider *>(QStringLiteral("timelineSlider"));
  auto *follow = bar.findChild<QCheckBox *>(QStringLiteral("followCheck"));
  QVERIFY(slider && follow);
  QVERIFY(!slider->isEnabled());

  bar.addSnapshot(model, 0);
  bar.addSnapshot(model, 50);
  QVERIFY(!chosen.wait(100)); // not following: adding shows nothing
  follow->setChecked(true);   // following jumps to the newest at once …
  QVERIFY(chosen.wait(1000));
  QCOMPARE(chosen.back().back().toLongLong(), 50);
  bar.addSnapshot(model, 100); // … and to every new one
  QVERIFY(chosen.wait(1000));
  QCOMPARE(chosen.back().back().toLongLong(), 100);
  QCOMPARE(slider->value(), 2);

  // A burst of user moves is one choice, of where the slider ended; going back stops following.
  chosen.clear();
  slider->setFocus();
  QTest::keyClick(slider, Qt::Key_Left);
  QTest::keyClick(slider, Qt::Key_Left);
  QVERIFY(!follow->isChecked());
  QVERIFY(chosen.wait(1000));
  QCOMPARE(chosen.size(), 1);
  QCOMPARE(chosen.back().back().toLongLong(), 0);
  bar.addSnapshot(model, 150); // not following: the slider stays on the user's moment
  QCOMPARE(slider->value(), 0);
  QVERIFY(!chosen.wait(100));
}

QTEST_MAIN(TestTrainingTimeline)
#include "tst_training_timeline.moc"
