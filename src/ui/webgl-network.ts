/**
 * WebGL drawing of large networks: every account a point sprite, every link a
 * line, straight from the typed arrays we already hold (no second copy of the
 * graph on the main thread, which a graphology-based renderer such as sigma.js
 * would need). Used above a few thousand accounts, where canvas 2D stutters.
 */

const VERTEX = `
attribute vec2 position;
attribute vec4 colour;
attribute float size;
uniform vec2 viewport;
uniform vec3 transform;
uniform float pixelRatio;
varying vec4 vColour;
void main() {
  vec2 screen = position * transform.x + transform.yz;
  vec2 clip = screen / viewport * 2.0 - 1.0;
  gl_Position = vec4(clip.x, -clip.y, 0.0, 1.0);
  gl_PointSize = size * pixelRatio;
  vColour = colour;
}`;

const FRAGMENT = `
precision mediump float;
varying vec4 vColour;
uniform float round;
void main() {
  if (round > 0.5) {
    vec2 d = gl_PointCoord - vec2(0.5);
    if (dot(d, d) > 0.25) discard;
  }
  gl_FragColor = vColour;
}`;

function compile(gl: WebGLRenderingContext, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type)!;
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS))
    throw new Error(gl.getShaderInfoLog(shader) ?? "shader error");
  return shader;
}

export class WebglNetwork {
  private gl: WebGLRenderingContext;
  private program: WebGLProgram;
  private nodeBuffers: { position: WebGLBuffer; colour: WebGLBuffer; size: WebGLBuffer };
  private edgeBuffers: { position: WebGLBuffer; colour: WebGLBuffer; size: WebGLBuffer };
  private nodeCount = 0;
  private edgeVertexCount = 0;

  /** Throws when WebGL is unavailable; the caller falls back to canvas 2D. */
  constructor(readonly canvas: HTMLCanvasElement) {
    const gl = canvas.getContext("webgl", { antialias: true, premultipliedAlpha: false });
    if (!gl) throw new Error("WebGL is not available");
    this.gl = gl;
    const program = gl.createProgram()!;
    gl.attachShader(program, compile(gl, gl.VERTEX_SHADER, VERTEX));
    gl.attachShader(program, compile(gl, gl.FRAGMENT_SHADER, FRAGMENT));
    gl.linkProgram(program);
    if (!gl.getProgramParameter(program, gl.LINK_STATUS))
      throw new Error(gl.getProgramInfoLog(program) ?? "link error");
    this.program = program;
    const buffers = () => ({
      position: gl.createBuffer()!,
      colour: gl.createBuffer()!,
      size: gl.createBuffer()!,
    });
    this.nodeBuffers = buffers();
    this.edgeBuffers = buffers();
  }

  /** Node positions, colours (RGBA bytes) and sizes (CSS pixels). */
  setNodes(positions: Float32Array, colours: Uint8Array, sizes: Float32Array): void {
    const { gl } = this;
    this.nodeCount = positions.length / 2;
    gl.bindBuffer(gl.ARRAY_BUFFER, this.nodeBuffers.position);
    gl.bufferData(gl.ARRAY_BUFFER, positions, gl.DYNAMIC_DRAW);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.nodeBuffers.colour);
    gl.bufferData(gl.ARRAY_BUFFER, colours, gl.DYNAMIC_DRAW);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.nodeBuffers.size);
    gl.bufferData(gl.ARRAY_BUFFER, sizes, gl.DYNAMIC_DRAW);
  }

  /** New positions for the same nodes and segments (a layout tick): colours and sizes stay. */
  moveTo(nodePositions: Float32Array, edgePositions: Float32Array): void {
    const { gl } = this;
    gl.bindBuffer(gl.ARRAY_BUFFER, this.nodeBuffers.position);
    gl.bufferSubData(gl.ARRAY_BUFFER, 0, nodePositions);
    if (edgePositions.length > 0) {
      gl.bindBuffer(gl.ARRAY_BUFFER, this.edgeBuffers.position);
      gl.bufferSubData(gl.ARRAY_BUFFER, 0, edgePositions);
    }
  }

  /** Line segments: two positions per segment, with their colours. */
  setEdges(positions: Float32Array, colours: Uint8Array): void {
    const { gl } = this;
    this.edgeVertexCount = positions.length / 2;
    gl.bindBuffer(gl.ARRAY_BUFFER, this.edgeBuffers.position);
    gl.bufferData(gl.ARRAY_BUFFER, positions, gl.DYNAMIC_DRAW);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.edgeBuffers.colour);
    gl.bufferData(gl.ARRAY_BUFFER, colours, gl.DYNAMIC_DRAW);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.edgeBuffers.size);
    gl.bufferData(gl.ARRAY_BUFFER, new Float32Array(this.edgeVertexCount).fill(1), gl.DYNAMIC_DRAW);
  }

  draw(transform: { k: number; x: number; y: number }, pixelRatio: number): void {
    const { gl, program, canvas } = this;
    gl.viewport(0, 0, canvas.width, canvas.height);
    gl.clearColor(0, 0, 0, 0);
    gl.clear(gl.COLOR_BUFFER_BIT);
    gl.enable(gl.BLEND);
    gl.blendFunc(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA);
    gl.useProgram(program);
    gl.uniform2f(
      gl.getUniformLocation(program, "viewport"),
      canvas.width / pixelRatio,
      canvas.height / pixelRatio,
    );
    gl.uniform3f(gl.getUniformLocation(program, "transform"), transform.k, transform.x, transform.y);
    gl.uniform1f(gl.getUniformLocation(program, "pixelRatio"), pixelRatio);
    const bind = (buffers: { position: WebGLBuffer; colour: WebGLBuffer; size: WebGLBuffer }) => {
      const position = gl.getAttribLocation(program, "position");
      gl.bindBuffer(gl.ARRAY_BUFFER, buffers.position);
      gl.enableVertexAttribArray(position);
      gl.vertexAttribPointer(position, 2, gl.FLOAT, false, 0, 0);
      const colour = gl.getAttribLocation(program, "colour");
      gl.bindBuffer(gl.ARRAY_BUFFER, buffers.colour);
      gl.enableVertexAttribArray(colour);
      gl.vertexAttribPointer(colour, 4, gl.UNSIGNED_BYTE, true, 0, 0);
      const size = gl.getAttribLocation(program, "size");
      gl.bindBuffer(gl.ARRAY_BUFFER, buffers.size);
      gl.enableVertexAttribArray(size);
      gl.vertexAttribPointer(size, 1, gl.FLOAT, false, 0, 0);
    };
    const round = gl.getUniformLocation(program, "round");
    if (this.edgeVertexCount > 0) {
      bind(this.edgeBuffers);
      gl.uniform1f(round, 0);
      gl.drawArrays(gl.LINES, 0, this.edgeVertexCount);
    }
    if (this.nodeCount > 0) {
      bind(this.nodeBuffers);
      gl.uniform1f(round, 1);
      gl.drawArrays(gl.POINTS, 0, this.nodeCount);
    }
  }
}
