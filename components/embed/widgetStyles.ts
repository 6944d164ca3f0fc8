// Every stylesheet the widgets use, loaded with every page. Widget CODE loads lazily (LazyWidget),
// but the static HTML already shows each widget, so its styles must be there from the first paint:
// otherwise the figure would be drawn unstyled and jump when its code (and CSS) arrives.
// CSS modules imported here get the same class names as in the widget (they are named by file).
// widgetStyles.test.ts fails when a widget's stylesheet is missing from this list.
import '@/components/viz/viz.css';
import '@/components/controls/controls.css';
import '@/components/widgets/Samples/Samples.module.css';
import '@/components/widgets/Sensitivity/Sensitivity.module.css';
import '@/components/widgets/Jacobian/Jacobian.module.css';
import '@/components/widgets/Integral/Integral.module.css';
import '@/components/widgets/Backprop/Backprop.module.css';
import '@/components/widgets/GradCheck/GradCheck.module.css';
import '@/components/widgets/EulerLimit/EulerLimit.module.css';
