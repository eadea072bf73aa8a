// DisplayStyle (presentation mode): the high-contrast colour scales, the ink rule and the undoable
// projector styling of any QCustomPlot.
#include "common/display_style.h"
#include "common/qcustomplot_include.h"
#include "common/quantity_style.h"

#include <QSignalSpy>
#include <QTest>

using namespace lstm;

class TestDisplayStyle : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void cleanup() {
    displayStyle().setPresentation(false);
    displayStyle().setHighContrast(false);
  }

  void presentationScalesFontsAndLines() {
    QSignalSpy changed(&displayStyle(), &DisplayStyle::changed);
    QCOMPARE(displayStyle().fontScale(), 1.0);
    QCOMPARE(displayStyle().lineWidth(1.5), 1.5);
    QVERIFY(!displayStyle().highContrast());
    displayStyle().setPresentation(true);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(displayStyle().fontScale(), displayStyle().presentationFontScale());
    QVERIFY(displayStyle().fontScale() >= 1.5);
    QCOMPARE(displayStyle().lineWidth(1.5), 1.5 * DisplayStyle::kLineScale);
    QVERIFY(displayStyle().highContrast());
    displayStyle().setPresentation(true); // no change, no signal
    QCOMPARE(changed.count(), 1);
  }

  void contrastRatioMatchesWcag() {
    QCOMPARE(contrastRatio(Qt::black, Qt::white), 21.0);
    QCOMPARE(contrastRatio(Qt::white, Qt::white), 1.0);
    QVERIFY(qAbs(contrastRatio(QColor(118, 118, 118), Qt::white) - 4.54) < 0.01); // WCAG's AA grey
  }

  void highContrastEndsStayDarkOnWhite_data() {
    QTest::addColumn<int>("quantity");
    for (Quantity q : kShownQuantities)
      QTest::newRow(qPrintable(quantitySymbol(q))) << int(q);
  }
  void highContrastEndsStayDarkOnWhite() {
    QFETCH(int, quantity);
    const auto q = Quantity(quantity);
    const QuantityRange range = naturalRange(q);
    // The normal gate scale starts at white: exactly what a projector loses.
    if (quantityIsGate(q))
      QCOMPARE(contrastRatio(quantityColor(q, range.low), Qt::white), 1.0);
    displayStyle().setHighContrast(true);
    for (double end : {range.low, range.high})
      QVERIFY2(contrastRatio(quantityColor(q, end), Qt::white) >= 7.0, qPrintable(quantityColor(q, end).name()));
    // The two ends are told apart, and a quarter of the way out from the middle is already clearly tinted.
    QVERIFY(quantityColor(q, range.low) != quantityColor(q, range.high));
    const double middle = 0.5 * (range.low + range.high);
    for (double quarter : {middle + 0.25 * (range.high - middle), middle - 0.25 * (middle - range.low)}) {
      QVERIFY(contrastRatio(quantityColor(q, quarter), Qt::white) >= 1.6);
      if (quantityIsGate(q))
        continue; // normally sequential from white: not comparable
      displayStyle().setHighContrast(false);
      const double normalQuarter = contrastRatio(quantityColor(q, quarter), Qt::white);
      displayStyle().setHighContrast(true);
      QVERIFY(contrastRatio(quantityColor(q, quarter), Qt::white) > normalQuarter);
    }
  }

  void inkIsReadableOnEveryColour() {
    for (bool high : {false, true}) {
      displayStyle().setHighContrast(high);
      for (Quantity q : kShownQuantities) {
        const QuantityRange range = naturalRange(q);
        for (int k = 0; k <= 32; ++k) {
          const QColor tint = quantityColor(q, range.low + k * (range.high - range.low) / 32.0);
          QVERIFY2(contrastRatio(tint, inkOn(tint)) >= 4.5, qPrintable(tint.name()));
        }
      }
    }
    QCOMPARE(inkOn(Qt::white), QColor(Qt::black));
    QCOMPARE(inkOn(QColor(8, 48, 107)), QColor(Qt::white));
  }

  void applyPlotStyleRoundTrip() {
    QCustomPlot plot;
    plot.resize(400, 300);
    QCPGraph *graph = plot.addGraph();
    graph->setPen(QPen(Qt::blue, 1.5));
    graph->setName(QStringLiteral("g"));
    plot.legend->setVisible(true);
    auto *text = new QCPItemText(&plot);
    text->setText(QStringLiteral("label"));
    auto *scale = new QCPColorScale(&plot);
    plot.plotLayout()->addElement(0, 1, scale);
    QCPAxis *x = plot.xAxis;
    const QFont labelFont = x->labelFont(), tickFont = x->tickLabelFont(), legendItemFont = plot.legend->item(0)->font();
    const QFont textFont = text->font();
    const QPen basePen = x->basePen();
    const int barWidth = scale->barWidth();
    const double scaleAxisFont = scale->axis()->tickLabelFont().pointSizeF();
    QVERIFY(!plot.testAttribute(Qt::WA_SetFont));

    // Outside presentation applying changes nothing.
    applyPlotStyle(&plot);
    QCOMPARE(x->labelFont(), labelFont);
    QCOMPARE(graph->pen().widthF(), 1.5);

    displayStyle().setPresentation(true);
    const double f = displayStyle().fontScale();
    applyPlotStyle(&plot);
    applyPlotStyle(&plot); // idempotent
    QVERIFY(plotStyleApplied(&plot));
    QCOMPARE(x->labelFont().pointSizeF(), labelFont.pointSizeF() * f);
    QCOMPARE(x->tickLabelFont().pointSizeF(), tickFont.pointSizeF() * f);
    QCOMPARE(scale->axis()->tickLabelFont().pointSizeF(), scaleAxisFont * f);
    QCOMPARE(plot.legend->item(0)->font().pointSizeF(), legendItemFont.pointSizeF() * f);
    QCOMPARE(text->font().pointSizeF(), textFont.pointSizeF() * f);
    QCOMPARE(graph->pen().widthF(), 1.5 * DisplayStyle::kLineScale);
    QCOMPARE(x->basePen().widthF(), std::max(1.0, basePen.widthF()) * DisplayStyle::kLineScale);
    QCOMPARE(scale->barWidth(), int(barWidth * DisplayStyle::kLineScale));

    // A view recreates a graph (its legend item copies the scaled legend font) and recolours another.
    QCPGraph *added = plot.addGraph();
    added->setPen(QPen(Qt::red, 1.0));
    added->setName(QStringLiteral("added"));
    graph->setPen(QPen(Qt::darkGreen, 1.0));
    applyPlotStyle(&plot);
    QCOMPARE(added->pen().widthF(), DisplayStyle::kLineScale);
    QCOMPARE(plot.legend->item(1)->font().pointSizeF(), legendItemFont.pointSizeF() * f); // scaled once, not twice
    QCOMPARE(graph->pen(), QPen(QBrush(Qt::darkGreen), DisplayStyle::kLineScale));

    restorePlotStyle(&plot);
    QVERIFY(!plotStyleApplied(&plot));
    QCOMPARE(x->labelFont(), labelFont);
    QCOMPARE(x->tickLabelFont(), tickFont);
    QCOMPARE(x->basePen(), basePen);
    QCOMPARE(text->font(), textFont);
    QCOMPARE(scale->barWidth(), barWidth);
    QCOMPARE(plot.legend->item(0)->font(), legendItemFont);
    QCOMPARE(plot.legend->item(1)->font(), legendItemFont);
    QCOMPARE(graph->pen(), QPen(QBrush(Qt::darkGreen), 1.0)); // the view's latest pen, not the first one
    QCOMPARE(added->pen(), QPen(QBrush(Qt::red), 1.0));
    QVERIFY(!plot.testAttribute(Qt::WA_SetFont));
    restorePlotStyle(&plot); // a second restore is a no-op
    QCOMPARE(x->labelFont(), labelFont);
  }
};

QTEST_MAIN(TestDisplayStyle)
#include "tst_display_style.moc"
