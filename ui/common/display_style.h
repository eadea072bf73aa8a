#pragma once
// How the whole UI is drawn right now: normally, or for a projector (presentation mode). One app-wide
// instance, displayStyle(); views that draw themselves read it when they paint and listen to changed().
// In presentation fonts grow by fontScale(), lines by lineWidth(), and quantityColor() switches to scales whose
// ends stay dark against white (no pale end a projector would wash out). GUI thread only.
#include <QColor>
#include <QObject>

class QCustomPlot;

namespace lstm {

class DisplayStyle : public QObject {
  Q_OBJECT
public:
  explicit DisplayStyle(QObject *parent = nullptr);

  bool presentation() const { return m_presentation; }
  void setPresentation(bool on); // emits changed when it changes
  // Factor for font sizes: presentationFontScale() while presenting, 1 otherwise.
  double fontScale() const { return m_presentation ? m_fontScale : 1.0; }
  double presentationFontScale() const { return m_fontScale; }
  void setPresentationFontScale(double scale); // clamped to 1…4; emits changed while presenting
  // Width for a line drawn `base` wide normally (thicker while presenting).
  double lineWidth(double base) const { return base * (m_presentation ? kLineScale : 1.0); }
  // True while presenting or when forced on: quantityColor uses the high-contrast scales.
  bool highContrast() const { return m_presentation || m_highContrast; }
  void setHighContrast(bool on); // forces the high-contrast scales outside presentation too

  static constexpr double kLineScale = 2.0;

Q_SIGNALS:
  void changed(); // anything above changed: redraw

private:
  bool m_presentation = false;
  bool m_highContrast = false;
  double m_fontScale = 1.75;
};

DisplayStyle &displayStyle(); // the app-wide instance (created on first use, lives until exit)

// WCAG 2 contrast ratio of two opaque colours, 1 (same luminance) … 21 (black on white).
double contrastRatio(const QColor &a, const QColor &b);
// Black or white, whichever contrasts more with `background`: one rule for text on every colour scale.
QColor inkOn(const QColor &background);

// Scales the fonts (axis labels and ticks, legends, titles, text items), pens (axes, graphs, items) and colour
// scale bars of `plot` by the current displayStyle() factors, remembering the originals; idempotent, and cheap
// when nothing changed, so it can run on every QCustomPlot::beforeReplot to catch graphs a view recreated.
// A value the view changed since the last call becomes the new original. Pins the plot widget's own font so new
// axes and items start from the unscaled font. Does not replot.
void applyPlotStyle(QCustomPlot *plot);
// Puts back every original applyPlotStyle recorded (values the view changed since are left alone) and the plot
// widget's font, and forgets them. Does not replot. No-op on a plot never styled.
void restorePlotStyle(QCustomPlot *plot);
bool plotStyleApplied(const QCustomPlot *plot); // applyPlotStyle ran and restorePlotStyle has not since

} // namespace lstm
