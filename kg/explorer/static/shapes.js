// A sigma node program that draws circles, squares, diamonds and triangles (one WebGL point per node),
// and a label drawer that never lets two labels overlap.
"use strict";
window.KGX = window.KGX || {};

KGX.SHAPES = { circle: 0, square: 1, diamond: 2, triangle: 3 };

KGX.makeShapeProgram = function (Sigma) {
  const { NodeProgram } = Sigma.rendering;
  const { floatColor } = Sigma.utils;
  const GL = WebGLRenderingContext;
  const VERTEX = `
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec2 a_position;
attribute float a_size;
attribute float a_shape;
uniform float u_sizeRatio;
uniform float u_pixelRatio;
uniform mat3 u_matrix;
varying vec4 v_color;
varying float v_border;
varying float v_shape;
const float bias = 255.0 / 254.0;
void main() {
  gl_Position = vec4((u_matrix * vec3(a_position, 1)).xy, 0, 1);
  gl_PointSize = a_size / u_sizeRatio * u_pixelRatio * 2.0;
  v_border = (0.5 / a_size) * u_sizeRatio;
  v_shape = a_shape;
  #ifdef PICKING_MODE
  v_color = a_id;
  #else
  v_color = a_color;
  #endif
  v_color.a *= bias;
}`;
  const FRAGMENT = `
precision mediump float;
varying vec4 v_color;
varying float v_border;
varying float v_shape;
float triangle(vec2 p, float r) {
  const float k = 1.7320508;
  p.x = abs(p.x) - r;
  p.y = p.y + r / k;
  if (p.x + k * p.y > 0.0) p = vec2(p.x - k * p.y, -k * p.x - p.y) / 2.0;
  p.x -= clamp(p.x, -2.0 * r, 0.0);
  return length(p) * sign(p.y);
}
void main(void) {
  vec2 m = gl_PointCoord - vec2(0.5, 0.5);
  float inside;
  if (v_shape < 0.5) inside = 0.5 - length(m);
  else if (v_shape < 1.5) inside = 0.44 - max(abs(m.x), abs(m.y));
  else if (v_shape < 2.5) inside = (0.5 - abs(m.x) - abs(m.y)) * 0.7071;
  else inside = triangle(vec2(m.x, -m.y + 0.08), 0.43);
  #ifdef PICKING_MODE
  if (inside > 0.0) gl_FragColor = v_color; else discard;
  #else
  float edge = clamp(inside / v_border, 0.0, 1.0);
  float ring = clamp((inside - 1.5 * v_border) / v_border, 0.0, 1.0);
  vec4 fill = mix(vec4(1.0, 1.0, 1.0, v_color.a), v_color, ring);
  gl_FragColor = fill * edge;
  #endif
}`;
  class NodeShapeProgram extends NodeProgram {
    getDefinition() {
      return {
        VERTICES: 1,
        VERTEX_SHADER_SOURCE: VERTEX,
        FRAGMENT_SHADER_SOURCE: FRAGMENT,
        METHOD: GL.POINTS,
        UNIFORMS: ["u_sizeRatio", "u_pixelRatio", "u_matrix"],
        ATTRIBUTES: [
          { name: "a_position", size: 2, type: GL.FLOAT },
          { name: "a_size", size: 1, type: GL.FLOAT },
          { name: "a_shape", size: 1, type: GL.FLOAT },
          { name: "a_color", size: 4, type: GL.UNSIGNED_BYTE, normalized: true },
          { name: "a_id", size: 4, type: GL.UNSIGNED_BYTE, normalized: true },
        ],
      };
    }
    processVisibleItem(nodeIndex, startIndex, data) {
      const array = this.array;
      array[startIndex++] = data.x;
      array[startIndex++] = data.y;
      array[startIndex++] = data.size;
      array[startIndex++] = KGX.SHAPES[data.shape] || 0;
      array[startIndex++] = floatColor(data.color);
      array[startIndex++] = nodeIndex;
    }
    setUniforms({ sizeRatio, pixelRatio, matrix }, { gl, uniformLocations }) {
      gl.uniform1f(uniformLocations.u_pixelRatio, pixelRatio);
      gl.uniform1f(uniformLocations.u_sizeRatio, sizeRatio);
      gl.uniformMatrix3fv(uniformLocations.u_matrix, false, matrix);
    }
  }
  return NodeShapeProgram;
};

// Labels: drawn with a white halo; a label that would overlap one already drawn in this frame is
// skipped (the selected and hovered nodes are drawn on the hover layer and always show).
KGX.placedLabels = [];
KGX.drawLabel = function (context, data, settings) {
  if (!data.label) return;
  const size = settings.labelSize;
  context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  const width = context.measureText(data.label).width;
  const canvasWidth = context.canvas.width / (window.devicePixelRatio || 1);
  // Right of the node, else left, above or below; a label that must show (the chosen node and its
  // neighbours) takes the first free place, or the first place when none is free.
  const right = data.x + data.size + 3;
  const places = [[right, data.y], [data.x - data.size - 3 - width, data.y],
    [data.x - width / 2, data.y - data.size - size * 0.8], [data.x - width / 2, data.y + data.size + size * 0.9]]
    .filter(([px]) => px >= 2 && px + width <= canvasWidth - 2);
  if (!places.length) places.push([right + width > canvasWidth - 4 ? data.x - data.size - 3 - width : right, data.y]);
  const boxOf = ([px, py]) => [px - 2, py - size * 0.7, px + width + 2, py + size * 0.7];
  const free = (box) => KGX.placedLabels.every((o) => !(box[0] < o[2] && box[2] > o[0] && box[1] < o[3] && box[3] > o[1]));
  let place = places.find((p) => free(boxOf(p)));
  if (!place && !data.keepLabel) return;
  place = place || places[0];
  const x = place[0];
  const labelY = place[1];
  KGX.placedLabels.push(boxOf(place));
  context.lineWidth = 4;
  context.lineJoin = "round";
  context.strokeStyle = "rgba(255, 255, 255, 0.92)";
  context.strokeText(data.label, x, labelY + size / 3);
  context.fillStyle = data.dimmed ? "#6b7480" : "#111820";
  context.fillText(data.label, x, labelY + size / 3);
};
