#pragma once
// TextView's legend strip (private to text_view.cpp): "colour: c of layer 0 unit 3" and the colour scale of the
// selected unit, low → high, painted from the session on every update; when the model wrote some of the text (or
// write mode is on), a sample of how written text looks.
#include "text_view.h"

#include <QWidget>

class QPainter;

namespace lstm {

class ExplorerSession;

class TextView::Legend : public QWidget {
public:
  // `margin`: the text view's left padding, so the caption lines up with the text.
  Legend(ExplorerSession *session, int margin, QWidget *parent);

protected:
  void changeEvent(QEvent *event) override;
  void paintEvent(QPaintEvent *event) override;

private:
  bool tapeHasWrittenText() const;
  void paintWrittenSample(QPainter &p, int x);

  ExplorerSession *m_session;
  int m_margin;
};

} // namespace lstm
