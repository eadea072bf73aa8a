// LossPlotView: point counts, x axis iterations ↔ seconds, log y axis, baselines, the overfitting
// hint on crafted sequences, clearing, PNG export.
#include "common/qcustomplot_include.h"
#include "train/trainer.h"
#include "training/loss_plot_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace lstm;

namespace {

TrainingProgress progressAt(std::int64_t iteration, double smoothed, double validation = std::nan("")) {
  TrainingProgress p;
  p.iteration = iteration;
  p.totalIterations = 1000;
  p.loss = smoothed;
  p.smoothedLoss = smoothed;
  p.elapsedSeconds = 0.5 * double(iteration); // two iterations a second: distinguishable from iterations
  p.evaluated = std::isfinite(validation);
  p.validationLoss = validation;
  return p;
}

// A typical run: training falls from ln(65) ≈ 4.2; validation every 50 iterations, following it until `turn`,
// then rising (0 = never).
void feedRun(LossPlotView &view, int iterations, int turn) {
  for (int i = 1; i <= iterations; ++i) {
    const double train = 1.2 + 3.0 * std::exp(-double(i) / 120.0);
    double validation = std::nan("");
    if (i % 50 == 0)
      validation = turn > 0 && i > turn ? train + 0.15 + 0.002 * double(i - turn) : train + 0.1;
    view.addProgress(progressAt(i, train, validation));
  }
}

QCustomPlot *plotOf(LossPlotView &view) { return view.findChild<QCustomPlot *>(QStringLiteral("lossPlot")); }

} // namespace

class TestLossPlotView : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void countsPoints();
  void skipsNonFiniteValues();
  void switchesXAxis();
  void togglesLogScale();
  void showsBaselines();
  void detectsOverfitting_data();
  void detectsOverfitting();
  void showsOverfittingHint();
  void coalescesRedraws();
  void clears();
  void exportsPng();
};

void TestLossPlotView::countsPoints() {
  LossPlotView view;
  QCOMPARE(view.objectName(), QStringLiteral("lossPlotView"));
  feedRun(view, 400, 0);
  QCOMPARE(view.trainPoints(), 400);
  QCOMPARE(view.validationPoints(), 8);
  view.refreshNow();
  QCustomPlot *plot = plotOf(view);
  QVERIFY(plot);
  QCOMPARE(plot->graphCount(), 2);
  QCOMPARE(plot->graph(0)->name(), QStringLiteral("train (smoothed)"));
  QCOMPARE(plot->graph(1)->name(), QStringLiteral("validation"));
  QCOMPARE(plot->graph(0)->dataCount(), 400);
  QCOMPARE(plot->graph(1)->dataCount(), 8);
  QVERIFY(plot->legend->visible());
  // Points added after a refresh are appended, not duplicated.
  view.addProgress(progressAt(401, 1.3, 1.4));
  view.refreshNow();
  QCOMPARE(plot->graph(0)->dataCount(), 401);
  QCOMPARE(plot->graph(1)->dataCount(), 9);
  // Linear y starts at 0 and covers the data.
  QCOMPARE(plot->yAxis->range().lower, 0.0);
  QVERIFY(plot->yAxis->range().upper >= 1.2 + 3.0 * std::exp(-1.0 / 120.0));
  QVERIFY(plot->xAxis->range().upper >= 401.0);
}

void TestLossPlotView::skipsNonFiniteValues() {
  LossPlotView view;
  view.addProgress(progressAt(1, std::nan("")));
  TrainingProgress p = progressAt(2, 2.0);
  p.evaluated = true; // evaluated but NaN (no validation text)
  view.addProgress(p);
  view.addProgress(progressAt(3, std::numeric_limits<double>::infinity(), 2.5));
  QCOMPARE(view.trainPoints(), 1);
  QCOMPARE(view.validationPoints(), 1);
}

void TestLossPlotView::switchesXAxis() {
  LossPlotView view;
  feedRun(view, 200, 0);
  view.refreshNow();
  QCustomPlot *plot = plotOf(view);
  auto *combo = view.findChild<QComboBox *>(QStringLiteral("lossXAxisCombo"));
  QVERIFY(combo);
  QCOMPARE(combo->count(), 2);
  QVERIFY(!view.timeAxis());
  QCOMPARE((plot->graph(0)->data()->constEnd() - 1)->key, 200.0);
  QCOMPARE(plot->graph(1)->data()->constBegin()->key, 50.0);

  combo->setCurrentIndex(1);
  view.refreshNow();
  QVERIFY(view.timeAxis());
  QCOMPARE(plot->graph(0)->dataCount(), 200);
  QCOMPARE((plot->graph(0)->data()->constEnd() - 1)->key, 100.0);
  QCOMPARE(plot->graph(1)->data()->constBegin()->key, 25.0);
  QVERIFY(plot->xAxis->range().upper >= 100.0 && plot->xAxis->range().upper < 150.0);
  QVERIFY(plot->xAxis->label().contains(QStringLiteral("(s)")));

  combo->setCurrentIndex(0);
  view.refreshNow();
  QCOMPARE(plot->graph(0)->dataCount(), 200);
  QCOMPARE((plot->graph(0)->data()->constEnd() - 1)->key, 200.0);
}

void TestLossPlotView::togglesLogScale() {
  LossPlotView view;
  view.show();
  feedRun(view, 300, 0);
  view.refreshNow();
  QCustomPlot *plot = plotOf(view);
  auto *check = view.findChild<QCheckBox *>(QStringLiteral("lossLogCheck"));
  QVERIFY(check);
  QVERIFY(!view.logScale());
  QCOMPARE(plot->yAxis->scaleType(), QCPAxis::stLinear);
  QTest::mouseClick(check, Qt::LeftButton, {}, check->rect().center());
  QVERIFY(check->isChecked());
  QVERIFY(view.logScale());
  QCOMPARE(plot->yAxis->scaleType(), QCPAxis::stLogarithmic);
  QVERIFY(!plot->yAxis->ticker().dynamicCast<QCPAxisTickerLog>().isNull());
  view.refreshNow();
  // Log scale cannot start at 0: it starts below the smallest positive loss.
  QVERIFY(plot->yAxis->range().lower > 0.0);
  QVERIFY(plot->yAxis->range().lower < 1.2 + 3.0 * std::exp(-300.0 / 120.0));
  QTest::mouseClick(check, Qt::LeftButton, {}, check->rect().center());
  QVERIFY(!view.logScale());
  QCOMPARE(plot->yAxis->scaleType(), QCPAxis::stLinear);
  view.refreshNow();
  QCOMPARE(plot->yAxis->range().lower, 0.0);
}

void TestLossPlotView::showsBaselines() {
  LossPlotView view;
  feedRun(view, 100, 0);
  view.setBaselines(3.3, 2.5);
  view.refreshNow();
  QCustomPlot *plot = plotOf(view);
  QList<double> lines;
  QStringList labels;
  for (int i = 0; i < plot->itemCount(); ++i) {
    QCPAbstractItem *item = plot->item(i);
    if (!item->visible())
      continue;
    if (auto *line = qobject_cast<QCPItemStraightLine *>(item)) {
      QCOMPARE(line->pen().style(), Qt::DashLine);
      QCOMPARE(line->point1->coords().y(), line->point2->coords().y()); // horizontal
      lines.append(line->point1->coords().y());
    } else if (auto *text = qobject_cast<QCPItemText *>(item)) {
      labels.append(text->text());
    }
  }
  std::sort(lines.begin(), lines.end());
  QCOMPARE(lines, (QList<double>{2.5, 3.3}));
  QVERIFY(labels.contains(QStringLiteral("unigram")));
  QVERIFY(labels.contains(QStringLiteral("bigram")));
  // A bigram baseline above all losses still fits in the y range.
  view.setBaselines(3.3, 9.0);
  view.refreshNow();
  QVERIFY(plot->yAxis->range().upper >= 9.0);
}

void TestLossPlotView::detectsOverfitting_data() {
  QTest::addColumn<QList<double>>("train");
  QTest::addColumn<QList<double>>("validation");
  QTest::addColumn<bool>("expected");
  QTest::newRow("both falling") << QList<double>{3.0, 2.5, 2.0, 1.8} << QList<double>{3.1, 2.6, 2.2, 2.0} << false;
  QTest::newRow("rising, train falling") << QList<double>{2.0, 1.8, 1.6, 1.4} << QList<double>{1.9, 2.0, 2.1, 2.2}
                                         << true;
  QTest::newRow("rising, train rising too") << QList<double>{1.4, 1.5, 1.6} << QList<double>{1.9, 2.0, 2.1} << false;
  QTest::newRow("only two rising") << QList<double>{2.0, 1.8, 1.6} << QList<double>{2.2, 1.9, 2.0} << false;
  QTest::newRow("too few points") << QList<double>{2.0, 1.8} << QList<double>{1.9, 2.0} << false;
  QTest::newRow("rose, then fell again") << QList<double>{2.0, 1.8, 1.6, 1.4} << QList<double>{1.9, 2.0, 2.1, 2.0}
                                         << false;
}

void TestLossPlotView::detectsOverfitting() {
  QFETCH(QList<double>, train);
  QFETCH(QList<double>, validation);
  QFETCH(bool, expected);
  LossPlotView view;
  // Nine training reports between evaluations, the evaluation lands on the tenth together with its train value.
  for (qsizetype k = 0; k < validation.size(); ++k) {
    for (int j = 1; j < 10; ++j)
      view.addProgress(progressAt(k * 10 + j, train[k] + 0.01));
    view.addProgress(progressAt(k * 10 + 10, train[k], validation[k]));
  }
  QCOMPARE(view.overfitting(), expected);
}

void TestLossPlotView::showsOverfittingHint() {
  LossPlotView view;
  feedRun(view, 600, 0);
  QVERIFY(!view.overfitting());
  view.clear();
  feedRun(view, 600, 400);
  QVERIFY(view.overfitting());
  view.refreshNow();
  QCustomPlot *plot = plotOf(view);
  bool hintShown = false;
  for (int i = 0; i < plot->itemCount(); ++i)
    if (auto *text = qobject_cast<QCPItemText *>(plot->item(i)))
      hintShown = hintShown || (text->visible() && text->text().contains(QStringLiteral("overfitting?")));
  QVERIFY(hintShown);
}

void TestLossPlotView::coalescesRedraws() {
  LossPlotView view;
  view.show();
  QVERIFY(QTest::qWaitForWindowExposed(&view));
  QCustomPlot *plot = plotOf(view);
  view.refreshNow();
  int replots = 0;
  connect(plot, &QCustomPlot::afterReplot, this, [&replots] { ++replots; });
  feedRun(view, 500, 0);
  QCOMPARE(replots, 0); // nothing is drawn per point
  QTRY_COMPARE(plot->graph(0)->dataCount(), 500);
  QTRY_VERIFY(replots >= 1);
  QVERIFY(replots <= 2);
}

void TestLossPlotView::clears() {
  LossPlotView view;
  feedRun(view, 600, 400);
  view.setBaselines(3.0, 2.0);
  view.clear();
  view.refreshNow();
  QCOMPARE(view.trainPoints(), 0);
  QCOMPARE(view.validationPoints(), 0);
  QVERIFY(!view.overfitting());
  QCustomPlot *plot = plotOf(view);
  QCOMPARE(plot->graph(0)->dataCount(), 0);
  QCOMPARE(plot->graph(1)->dataCount(), 0);
  for (int i = 0; i < plot->itemCount(); ++i)
    QVERIFY(!plot->item(i)->visible());
  feedRun(view, 50, 0);
  view.refreshNow();
  QCOMPARE(plot->graph(0)->dataCount(), 50);
}

void TestLossPlotView::exportsPng() {
  LossPlotView view;
  view.resize(720, 420);
  view.show();
  QVERIFY(QTest::qWaitForWindowExposed(&view));
  feedRun(view, 1000, 650);
  view.setBaselines(3.2, 2.45);
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const QString path = dir.filePath(QStringLiteral("loss.png"));
  QString error;
  QVERIFY2(view.exportImage(path, &error), qPrintable(error));
  QImage image(path);
  QVERIFY(!image.isNull());
  QVERIFY(image.width() > 100 && image.height() > 100);
  QVERIFY(!view.exportImage(dir.filePath(QStringLiteral("loss.bmp")), &error));
  QVERIFY(error.contains(QStringLiteral("loss.bmp")));
  // For a human look at the result.
  view.grab().save(QStringLiteral("/tmp/loss_plot_view.png"));
  view.findChild<QCheckBox *>(QStringLiteral("lossLogCheck"))->setChecked(true);
  view.refreshNow();
  view.grab().save(QStringLiteral("/tmp/loss_plot_view_log.png"));
}

QTEST_MAIN(TestLossPlotView)
#include "tst_loss_plot_view.moc"
